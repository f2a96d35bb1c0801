import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src-main/contract';
import { createVaultApi, diaryEntry, openVaultApi, RECOVERY_CODE_FORMAT } from '../helpers/vault-api';
import { createTestVault } from '../helpers/vault-harness';

/**
 * Many calls at once, through the real dispatcher and handlers, as two tabs or a script against
 * the host would send them. Each finding here was reproduced before it was fixed.
 */
const PASSPHRASE = 'correct horse battery';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function codes(results: { ok: boolean; error?: ApiError }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const code = result.ok ? 'ok' : (result.error?.code ?? '?');
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** This process's open descriptors on the vault's database files. */
function openDatabaseFiles(dataDir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(join(dataDir, 'vault.db')) ? [target] : [];
    } catch {
      return [];
    }
  });
}

describe('the unlock rate limit holds', () => {
  it('24 wrong passphrases sent at once: at most 3 are tried, the rest wait (rate_limited)', async () => {
    const { api } = openVaultApi('stillroom-race-', cleanups);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    await api.value('vault.lock', {});

    const results = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        api.call('vault.unlock', { method: 'passphrase', passphrase: `wrong guess ${n}` }),
      ),
    );

    const counts = codes(results);
    expect(counts.wrong_secret).toBeLessThanOrEqual(3);
    expect(counts.rate_limited).toBeGreaterThanOrEqual(21);
    expect(api.internalErrors).toEqual([]);
  });

  it('survives a restart: a new vault instance on the same folder still asks to wait', async () => {
    const { api, dataDir, clock } = openVaultApi('stillroom-race-', cleanups);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    await api.value('vault.lock', {});
    for (let n = 0; n < 3; n++) {
      expect((await api.error('vault.unlock', { method: 'passphrase', passphrase: `no ${n}` })).code).toBe(
        'wrong_secret',
      );
    }
    api.vault.close();

    const restarted = createVaultApi(createTestVault(dataDir, { clock }));
    cleanups.push(() => restarted.vault.close());
    expect((await restarted.value('vault.status', {})).retryAfterMs).toBeGreaterThan(0);
    const refused = await restarted.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(refused.code).toBe('rate_limited');

    // The file that carries the count across restarts holds numbers only: nothing typed.
    const saved = readFileSync(join(dataDir, 'unlock-attempts.json'), 'utf8');
    expect(saved).not.toMatch(/no \d|horse/);
    clock.advance(60_000);
    expect(
      (await restarted.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).state,
    ).toBe('unlocked');
  });

  it("a backup's passphrase is rate limited too, during a restore", async () => {
    const source = openVaultApi('stillroom-race-', cleanups);
    await source.api.value('vault.create', { passphrase: PASSPHRASE });
    await source.api.value('diary.save', diaryEntry(1));
    const backup = await source.api.value('vault.backup', {
      passphrase: 'backup passphrase 2026',
      target: await source.api.files.save('backup'),
    });

    const target = openVaultApi('stillroom-race-', cleanups);
    const file = await target.api.files.open('backup', source.api.files.pathOf(backup.file));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        target.api.call('vault.restore', {
          file,
          passphrase: `guess ${n}`,
          replaceExisting: false,
        }),
      ),
    );
    const counts = codes(results);
    expect(counts.wrong_secret).toBeLessThanOrEqual(3);
    expect(counts.rate_limited).toBeGreaterThanOrEqual(7);
    const right = await target.api.error('vault.restore', {
      file,
      passphrase: 'backup passphrase 2026',
      replaceExisting: false,
    });
    expect(right.code).toBe('rate_limited');
    expect(target.api.internalErrors).toEqual([]);
  });
});

describe('one vault operation at a time', () => {
  it('two vault.create at once: one vault, whose recovery code works, and no problem status', async () => {
    const { api } = openVaultApi('stillroom-race-', cleanups);

    const results = await Promise.all([
      api.call('vault.create', { passphrase: PASSPHRASE, useKeychain: false }),
      api.call('vault.create', { passphrase: 'another passphrase here', useKeychain: false }),
    ]);

    expect(codes(results)).toEqual({ ok: 1, conflict: 1 });
    const created = results.find((result) => result.ok);
    if (!created?.ok) throw new Error('no create succeeded');
    const status = await api.value('vault.status', {});
    expect(status.state).toBe('unlocked');
    expect(status.problem).toBeUndefined();
    await api.value('diary.save', diaryEntry(1));
    await api.value('vault.lock', {});
    const next = await api.value('vault.recover', {
      recoveryCode: created.value.recoveryCode,
      newPassphrase: 'a fresh passphrase now',
    });
    expect(next.recoveryCode).toMatch(RECOVERY_CODE_FORMAT);
    expect((await api.value('diary.list', { limit: 10 })).total).toBe(1);
  });

  it('two vault.recover with the same one-time code: only one succeeds, and its new code works', async () => {
    const { api } = openVaultApi('stillroom-race-', cleanups);
    const { recoveryCode } = await api.value('vault.create', { passphrase: PASSPHRASE });
    await api.value('vault.lock', {});

    const results = await Promise.all([
      api.call('vault.recover', { recoveryCode, newPassphrase: 'first new passphrase' }),
      api.call('vault.recover', { recoveryCode, newPassphrase: 'second new passphrase' }),
    ]);

    expect(codes(results)).toEqual({ ok: 1, wrong_secret: 1 });
    const winner = results.find((result) => result.ok);
    if (!winner?.ok) throw new Error('no recover succeeded');
    await api.value('vault.lock', {});
    await api.value('vault.recover', {
      recoveryCode: winner.value.recoveryCode,
      newPassphrase: 'third new passphrase',
    });
    expect((await api.value('vault.status', {})).state).toBe('unlocked');
  });

  it.runIf(process.platform === 'linux')(
    'four unlocks at once, then Lock: no database file is left open',
    async () => {
      const { api, dataDir } = openVaultApi('stillroom-race-', cleanups);
      await api.value('vault.create', { passphrase: PASSPHRASE });
      await api.value('vault.lock', {});
      expect(openDatabaseFiles(dataDir)).toEqual([]);

      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE }),
        ),
      );
      expect(codes(results)).toEqual({ ok: 4 });
      await api.value('vault.lock', {});

      expect(openDatabaseFiles(dataDir)).toEqual([]);
      expect(api.internalErrors).toEqual([]);
    },
  );

  it('Lock during an unlock that is still checking the passphrase wins: the vault stays locked', async () => {
    const { api } = openVaultApi('stillroom-race-', cleanups);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    await api.value('vault.lock', {});

    const unlocking = api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    await api.value('vault.lock', {});
    await unlocking;

    expect((await api.value('vault.status', {})).state).toBe('locked');
    expect((await api.error('diary.list', { limit: 10 })).code).toBe('locked');
  });
});
