import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYRING_FILE } from '../../src-main/infra/vault/vault';
import { createScryptProtector } from '../../src-main/infra/vault/scrypt-protector';
import { diaryEntry, openVaultApi } from '../helpers/vault-api';
import { unwrapVaultKey } from '../helpers/vault-files';
import { TEST_SCRYPT } from '../helpers/vault-harness';

/**
 * keyring.json and a backup's header are files anyone with access to the folder can edit. An
 * edit may make them unreadable, but must never make a key weaker, nor cost minutes per try.
 */
const PASSPHRASE = 'correct horse battery';
const BACKUP_PASSPHRASE = 'backup passphrase 2026';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

type Entry = Record<string, unknown> & { kind: string; kdf?: Record<string, unknown> };

async function lockedVault() {
  const opened = openVaultApi('stillroom-keyfmt-', cleanups);
  await opened.api.value('vault.create', { passphrase: PASSPHRASE });
  await opened.api.value('diary.save', diaryEntry(1));
  await opened.api.value('vault.lock', {});
  return opened;
}

function editPassphraseEntry(dataDir: string, edit: (entry: Entry) => Entry | undefined): void {
  const path = join(dataDir, KEYRING_FILE);
  const keyring = JSON.parse(readFileSync(path, 'utf8')) as { protectors: Entry[] };
  keyring.protectors = keyring.protectors.flatMap((entry) => {
    if (entry.kind !== 'passphrase') return [entry];
    const edited = edit(structuredClone(entry));
    return edited ? [edited] : [];
  });
  writeFileSync(path, JSON.stringify(keyring));
}

function passphraseEntry(dataDir: string): Entry {
  const keyring = JSON.parse(readFileSync(join(dataDir, KEYRING_FILE), 'utf8')) as { protectors: Entry[] };
  const entry = keyring.protectors.find((p) => p.kind === 'passphrase');
  if (!entry) throw new Error('no passphrase entry');
  return entry;
}

/** The wrapped-key format Stillroom wrote before its parameters were bound into the seal. */
function legacyWrap(key: Buffer, passphrase: string): Entry {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = scryptSync(passphrase.normalize('NFC'), salt, 32, {
    ...TEST_SCRYPT,
    maxmem: 256 * TEST_SCRYPT.N * 8,
  });
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from('stillroom-vault-key:v1:passphrase'));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kind: 'passphrase',
    kdf: { name: 'scrypt', ...TEST_SCRYPT, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

describe('a keyring that was edited', () => {
  it('a key re-wrapped with weak scrypt (N=2^10, r=1) is refused as a damaged key file', async () => {
    const { api, dataDir } = await lockedVault();
    const key = await unwrapVaultKey(dataDir, PASSPHRASE);
    const weak = await createScryptProtector('passphrase', { N: 2 ** 10, r: 1, p: 1 }).wrap(key, PASSPHRASE);
    editPassphraseEntry(dataDir, () => weak as Entry);

    const status = await api.value('vault.status', {});
    expect(status.state).toBe('problem');
    expect(status.problem?.code).toBe('key_unreadable');
    const unlock = await api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(unlock.ok).toBe(false);
    expect(api.internalErrors).toEqual([]);
  });

  it('a GCM tag cut to 4 bytes is refused, though the passphrase is right', async () => {
    const { api, dataDir } = await lockedVault();
    editPassphraseEntry(dataDir, (entry) => ({
      ...entry,
      tag: Buffer.from(String(entry.tag), 'base64').subarray(0, 4).toString('base64'),
    }));

    expect((await api.value('vault.status', {})).problem?.code).toBe('key_unreadable');
    const unlock = await api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(unlock.ok).toBe(false);
    expect(api.internalErrors).toEqual([]);
  });

  it('scrypt raised to N=2^22, r=32, p=16 is refused at once, before any key derivation', async () => {
    const { api, dataDir } = await lockedVault();
    editPassphraseEntry(dataDir, (entry) => ({ ...entry, kdf: { ...entry.kdf, N: 2 ** 22, r: 32, p: 16 } }));

    const started = Date.now();
    expect((await api.value('vault.status', {})).problem?.code).toBe('key_unreadable');
    expect((await api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a wrapped key sealed without its parameters (the old format) still opens, and is re-sealed', async () => {
    const { api, dataDir } = await lockedVault();
    const key = await unwrapVaultKey(dataDir, PASSPHRASE);
    editPassphraseEntry(dataDir, () => legacyWrap(key, PASSPHRASE));
    expect(passphraseEntry(dataDir).v).toBeUndefined();

    const status = await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(status.state).toBe('unlocked');
    expect((await api.value('diary.list', { limit: 10 })).total).toBe(1);
    expect(passphraseEntry(dataDir).v).toBe(2);

    await api.value('vault.lock', {});
    expect((await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).state).toBe(
      'unlocked',
    );
  });

  it('the parameters are bound into the seal: editing N alone makes the key file unreadable', async () => {
    const { api, dataDir } = await lockedVault();
    // Doubling N keeps it within bounds; only the seal can notice.
    editPassphraseEntry(dataDir, (entry) => ({
      ...entry,
      kdf: { ...entry.kdf, N: Number(entry.kdf?.N) * 2 },
    }));
    const unlock = await api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(unlock.ok ? unlock.value.state : unlock.error.code).not.toBe('unlocked');
    expect(api.internalErrors).toEqual([]);
  });

  const damaged: [string, (entry: Entry) => Entry | undefined][] = [
    ['an unknown cipher', (entry) => ({ ...entry, cipher: 'aes-128-cbc' })],
    ['an unknown kdf', (entry) => ({ ...entry, kdf: { ...entry.kdf, name: 'argon2id' } })],
    ['an N that is not a power of two', (entry) => ({ ...entry, kdf: { ...entry.kdf, N: 5000 } })],
    [
      'a missing wrapped key',
      (entry) => {
        const { wrapped: _gone, ...rest } = entry;
        return rest as Entry;
      },
    ],
    ['an iv that is not base64 of 12 bytes', (entry) => ({ ...entry, iv: 'AAAA' })],
  ];
  for (const [what, edit] of damaged) {
    it(`${what}: the key-file problem (key_unreadable), never "internal"`, async () => {
      const { api, dataDir } = await lockedVault();
      editPassphraseEntry(dataDir, edit);

      const status = await api.value('vault.status', {});
      expect(status.state).toBe('problem');
      expect(status.problem?.code).toBe('key_unreadable');
      const unlock = await api.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
      expect(unlock.ok).toBe(false);
      if (!unlock.ok) expect(unlock.error.code).not.toBe('internal');
      expect(api.internalErrors).toEqual([]);
    });
  }
});

describe('a backup whose header was edited', () => {
  async function backupFile() {
    const { api } = openVaultApi('stillroom-keyfmt-', cleanups);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    await api.value('diary.save', diaryEntry(1));
    const backup = await api.value('vault.backup', {
      passphrase: BACKUP_PASSPHRASE,
      target: await api.files.save('backup'),
    });
    return api.files.pathOf(backup.file);
  }

  function editKey(path: string, edit: (key: Entry) => Entry): void {
    const file = readFileSync(path);
    const first = file.indexOf(0x0a);
    const second = file.indexOf(0x0a, first + 1);
    const header = JSON.parse(file.subarray(first + 1, second).toString('utf8')) as { key: Entry };
    header.key = edit(header.key);
    writeFileSync(
      path,
      Buffer.concat([
        file.subarray(0, first + 1),
        Buffer.from(JSON.stringify(header)),
        file.subarray(second),
      ]),
    );
  }

  const hostile: [string, (key: Entry) => Entry][] = [
    [
      'a GCM tag cut to 4 bytes',
      (key) => ({ ...key, tag: Buffer.from(String(key.tag), 'base64').subarray(0, 4).toString('base64') }),
    ],
    ['scrypt p raised to 16 (16 times the work)', (key) => ({ ...key, kdf: { ...key.kdf, p: 16 } })],
    ['scrypt N=2^22, r=32, p=16', (key) => ({ ...key, kdf: { ...key.kdf, N: 2 ** 22, r: 32, p: 16 } })],
    ['scrypt N=2^10, r=1', (key) => ({ ...key, kdf: { ...key.kdf, N: 2 ** 10, r: 1 } })],
  ];
  for (const [what, edit] of hostile) {
    it(`${what}: refused within a second, nothing restored`, async () => {
      const path = await backupFile();
      editKey(path, edit);
      const target = openVaultApi('stillroom-keyfmt-', cleanups);

      const started = Date.now();
      const refused = await target.api.error('vault.restore', {
        file: await target.api.files.open('backup', path),
        passphrase: BACKUP_PASSPHRASE,
        replaceExisting: false,
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(['invalid_input', 'tampered']).toContain(refused.code);
      expect((await target.api.value('vault.status', {})).state).toBe('new');
      expect(target.api.internalErrors).toEqual([]);
    });
  }
});
