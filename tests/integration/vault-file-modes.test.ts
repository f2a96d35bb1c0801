import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import { ensureDataDir } from '../../src-main/infra/data-dir';
import { tempDir } from '../helpers/host-harness';
import { createVaultApi, diaryEntry, openVaultApi } from '../helpers/vault-api';
import { createTestVault } from '../helpers/vault-harness';

/**
 * Everything Stillroom writes is for this user only, whatever the folder's own mode: a folder
 * the user picked (STILLROOM_DATA_DIR) may be readable by others.
 */
const PASSPHRASE = 'correct horse battery';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.runIf(process.platform !== 'win32')('file modes', () => {
  it('vault.db, its -wal and -shm, the keyring, the attempts file and a backup are owner-only (0600)', async () => {
    const { api, dataDir } = openVaultApi('stillroom-modes-', cleanups);
    chmodSync(dataDir, 0o755);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    await api.value('diary.save', diaryEntry(1));
    const backup = await api.value('vault.backup', {
      passphrase: 'backup passphrase 2026',
      target: await api.files.save('backup'),
    });
    await api.value('vault.lock', {});
    await api.call('vault.unlock', { method: 'passphrase', passphrase: 'not the passphrase' });
    await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });

    const modes = Object.fromEntries(
      ['vault.db', 'vault.db-wal', 'vault.db-shm', 'keyring.json', 'unlock-attempts.json'].map((name) => [
        name,
        modeOf(join(dataDir, name)).toString(8),
      ]),
    );
    expect(modes).toEqual({
      'vault.db': '600',
      'vault.db-wal': '600',
      'vault.db-shm': '600',
      'keyring.json': '600',
      'unlock-attempts.json': '600',
    });
    // Saved where the person chose (their documents here), owner-only there too.
    expect(modeOf(api.files.pathOf(backup.file)).toString(8)).toBe('600');
  });

  it('a vault.db left readable by others (0644) is made owner-only when it is next opened', async () => {
    const { api, dataDir, clock } = openVaultApi('stillroom-modes-', cleanups);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    api.vault.close();
    chmodSync(join(dataDir, 'vault.db'), 0o644);
    chmodSync(join(dataDir, 'keyring.json'), 0o644);

    const reopened = createVaultApi(createTestVault(dataDir, { clock }));
    cleanups.push(() => reopened.vault.close());
    await reopened.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });

    expect(modeOf(join(dataDir, 'vault.db')).toString(8)).toBe('600');
    expect(modeOf(join(dataDir, 'vault.db-wal')).toString(8)).toBe('600');
  });

  it('an existing data folder readable by others (0755) is tightened to 0700', () => {
    const parent = tempDir('stillroom-modes-');
    const dir = join(parent, 'chosen');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    ensureDataDir(dir);
    expect(modeOf(dir).toString(8)).toBe('700');
  });

  it('a new data folder is created 0700', () => {
    const dir = join(tempDir('stillroom-modes-'), 'new', 'stillroom');
    ensureDataDir(dir);
    expect(modeOf(dir).toString(8)).toBe('700');
  });

  it("the browser host's settings.json is owner-only, also when it already existed as 0644", () => {
    const dir = tempDir('stillroom-modes-');
    chmodSync(dir, 0o755);
    const store = createConfSettingsStore(dir);
    store.write({ theme: 'dark' } as never);
    expect(modeOf(join(dir, 'settings.json')).toString(8)).toBe('600');

    writeFileSync(join(dir, 'settings.json'), '{"theme":"light"}', { mode: 0o644 });
    chmodSync(join(dir, 'settings.json'), 0o644);
    createConfSettingsStore(dir).write({ theme: 'dark' } as never);
    expect(modeOf(join(dir, 'settings.json')).toString(8)).toBe('600');
  });
});
