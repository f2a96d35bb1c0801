import Database from 'better-sqlite3-multiple-ciphers';
import {
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../src-main/contract';
import { LATEST_SCHEMA_VERSION } from '../../src-main/infra/vault/migrations';
import { KEYRING_FILE, VAULT_FILE } from '../../src-main/infra/vault/vault';
import { tempDir } from '../helpers/host-harness';
import { allEntries, createVaultApi, diaryEntry } from '../helpers/vault-api';
import {
  childCannotRunBecause,
  fileHashes,
  NOBODY,
  runningAsRoot,
  runVaultChild,
  unwrapVaultKey,
} from '../helpers/vault-files';
import { createTestVault } from '../helpers/vault-harness';

const PASSPHRASE = 'correct horse battery';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function folder(): string {
  const dir = tempDir('stillroom-fail-');
  cleanups.push(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function openApi(dataDir: string) {
  const vault = createTestVault(dataDir);
  cleanups.push(() => vault.close());
  return createVaultApi(vault);
}

/**
 * A closed vault with enough entries to span many database pages, as a person's would after a
 * few weeks. Returns what a later, healthy unlock must still find.
 */
async function closedVault(dataDir = folder(), passphrase = PASSPHRASE) {
  const api = openApi(dataDir);
  await api.value('vault.create', { passphrase });
  for (let n = 0; n < 60; n++) {
    await api.value(
      'diary.save',
      diaryEntry(n, { thoughts: `${'A long, honest paragraph. '.repeat(20)}${n}` }),
    );
  }
  const entries = await allEntries(api);
  api.vault.close();
  return { dataDir, entries };
}

/** Unlocks with a fresh vault instance, as the app does after a restart. */
async function unlockFresh(dataDir: string, passphrase = PASSPHRASE) {
  const api = openApi(dataDir);
  const result = await api.call('vault.unlock', { method: 'passphrase', passphrase });
  return { api, result };
}

function expectProblem(status: VaultStatus, code: NonNullable<VaultStatus['problem']>['code']) {
  expect(status.state).toBe('problem');
  expect(status.problem?.code).toBe(code);
  expect(status.problem?.message.length).toBeGreaterThan(20);
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

describe('vault failures leave every file exactly as it was', () => {
  it('wrong passphrase: wrong_secret, still locked, and the right one still works', async () => {
    const { dataDir, entries } = await closedVault();
    const before = fileHashes(dataDir);

    const { api, result } = await unlockFresh(dataDir, 'correct horse battery?');

    expect(result).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect((await api.value('vault.status', {})).state).toBe('locked');
    expect(fileHashes(dataDir, { includeAttempts: false })).toEqual(before);
    expect(Object.keys(fileHashes(dataDir))).toContain('unlock-attempts.json');
    await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(await allEntries(api)).toEqual(entries);
  });

  it("wrong key (another vault's keyring): database_unreadable, and putting the right keyring back works", async () => {
    const { dataDir, entries } = await closedVault();
    const other = await closedVault(folder(), 'the other vault passphrase');
    const ownKeyring = readFileSync(join(dataDir, KEYRING_FILE));
    copyFileSync(join(other.dataDir, KEYRING_FILE), join(dataDir, KEYRING_FILE));
    const before = fileHashes(dataDir);

    const { api, result } = await unlockFresh(dataDir, 'the other vault passphrase');

    // The passphrase does open that keyring; it is the database that refuses the key.
    expect(result.ok).toBe(true);
    expectProblem(await api.value('vault.status', {}), 'database_unreadable');
    expect((await api.error('diary.list', {})).code).toBe('locked');
    expect(fileHashes(dataDir)).toEqual(before);
    expect(api.internalErrors).toEqual([]);

    writeFileSync(join(dataDir, KEYRING_FILE), ownKeyring);
    const healthy = await unlockFresh(dataDir);
    expect(healthy.result).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await allEntries(healthy.api)).toEqual(entries);
  });

  const damage: [string, (db: string) => void][] = [
    ['cut to half its size', (db) => truncateSync(db, Math.floor(statSync(db).size / 2))],
    ['cut at a page boundary', (db) => truncateSync(db, Math.floor(statSync(db).size / 8192) * 4096)],
    ['cut to nothing', (db) => truncateSync(db, 0)],
    [
      'with garbage written in the middle',
      (db) => overwrite(db, Math.floor(statSync(db).size / 2), Buffer.alloc(64, 0xa5)),
    ],
    ['with one byte changed in its third page', (db) => overwrite(db, 2 * 4096 + 2000, Buffer.from([0x42]))],
  ];

  it.each(damage)('vault.db %s: database_unreadable at unlock, never a crash', async (_label, spoil) => {
    const { dataDir } = await closedVault();
    spoil(join(dataDir, VAULT_FILE));
    const before = fileHashes(dataDir);

    const { api, result } = await unlockFresh(dataDir);

    expect(result.ok).toBe(true);
    expectProblem(await api.value('vault.status', {}), 'database_unreadable');
    expect(await api.value('vault.status', {})).toMatchObject({ unlockMethods: ['passphrase', 'recovery'] });
    expect((await api.error('diary.list', {})).code).toBe('locked');
    expect((await api.error('diary.save', diaryEntry(99))).code).toBe('locked');
    expect(api.internalErrors).toEqual([]);
    expect(fileHashes(dataDir)).toEqual(before);
  });

  it('a database from a newer Stillroom (user_version 999): newer_version, not touched', async () => {
    const { dataDir, entries } = await closedVault();
    const key = await unwrapVaultKey(dataDir, PASSPHRASE);
    const setVersion = (version: number) => {
      const db = new Database(join(dataDir, VAULT_FILE), { fileMustExist: true });
      db.pragma(`cipher = 'chacha20'`);
      db.pragma(`key = "x'${key.toString('hex')}'"`);
      db.pragma(`user_version = ${version}`);
      db.close();
    };
    setVersion(999);
    const before = fileHashes(dataDir);

    const { api, result } = await unlockFresh(dataDir);

    expect(result.ok).toBe(true);
    expectProblem(await api.value('vault.status', {}), 'newer_version');
    expect((await api.value('vault.status', {})).problem?.message).toMatch(/newer version/);
    expect((await api.error('diary.list', {})).code).toBe('locked');
    expect(fileHashes(dataDir)).toEqual(before);
    api.vault.close();

    // Nothing was lost: the same file at its own version opens with everything in it.
    setVersion(LATEST_SCHEMA_VERSION);
    const healthy = await unlockFresh(dataDir);
    expect(await allEntries(healthy.api)).toEqual(entries);
  });

  it('keyring.json missing: key_missing; unlock and create are refused; nothing is replaced', async () => {
    const { dataDir } = await closedVault();
    unlinkSync(join(dataDir, KEYRING_FILE));
    const before = fileHashes(dataDir);
    const api = openApi(dataDir);

    expectProblem(await api.value('vault.status', {}), 'key_missing');
    expect((await api.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).code).toBe(
      'unavailable',
    );
    expect((await api.error('vault.create', { passphrase: 'a fresh start please' })).code).toBe('conflict');
    expect(api.internalErrors).toEqual([]);
    expect(fileHashes(dataDir)).toEqual(before);
  });

  it.each([
    ['not JSON', 'this is not { json'],
    ['JSON of the wrong shape', JSON.stringify({ format: 1, protectors: [] })],
    ['empty', ''],
  ])('keyring.json %s: key_unreadable; nothing is replaced', async (_label, garbage) => {
    const { dataDir } = await closedVault();
    writeFileSync(join(dataDir, KEYRING_FILE), garbage);
    const before = fileHashes(dataDir);
    const api = openApi(dataDir);

    expectProblem(await api.value('vault.status', {}), 'key_unreadable');
    expect((await api.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).code).toBe(
      'unavailable',
    );
    expect((await api.error('vault.create', { passphrase: 'a fresh start please' })).code).toBe('conflict');
    expect(api.internalErrors).toEqual([]);
    expect(fileHashes(dataDir)).toEqual(before);
  });

  it('vault.db missing beside its keyring: database_unreadable; nothing is replaced', async () => {
    const { dataDir } = await closedVault();
    unlinkSync(join(dataDir, VAULT_FILE));
    const before = fileHashes(dataDir);
    const api = openApi(dataDir);

    expectProblem(await api.value('vault.status', {}), 'database_unreadable');
    expect((await api.error('vault.create', { passphrase: 'a fresh start please' })).code).toBe('conflict');
    expect(fileHashes(dataDir)).toEqual(before);
  });
});

/**
 * Root ignores file modes, and CI runs as root: there the attempt runs in a child process as
 * `nobody`, for whom 0555/0444 really are read-only. Elsewhere the child runs as this user.
 */
const cannotRunChild = childCannotRunBecause();
if (cannotRunChild) console.warn(`Skipped: ${cannotRunChild}.`);

describe.skipIf(cannotRunChild !== undefined)('a data folder that cannot be written', () => {
  function makeReadOnly(dir: string): void {
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o444);
    chmodSync(dir, 0o555);
  }

  it('unlock says folder_not_writable, writes fail clearly, and the files are untouched', async () => {
    const { dataDir, entries } = await closedVault();
    makeReadOnly(dataDir);
    const before = fileHashes(dataDir, { includeSqliteSidecars: true });

    const report = await runVaultChild({
      dataDir,
      steps: [
        { call: 'vault.status' },
        { call: 'vault.unlock', input: { method: 'passphrase', passphrase: PASSPHRASE } },
        { call: 'vault.status' },
        { call: 'diary.save', input: diaryEntry(99) },
        { call: 'vault.changePassphrase', input: { current: PASSPHRASE, next: 'never gets saved' } },
      ],
    });

    if (runningAsRoot()) expect(report.uid).toBe(NOBODY);
    const [status, unlock, after, save, change] = report.results as {
      ok: boolean;
      value?: VaultStatus;
      error?: { code: string };
    }[];
    expect(status?.value?.state).toBe('locked');
    expect(unlock?.ok).toBe(true);
    expectProblem(unlock?.value as VaultStatus, 'folder_not_writable');
    expectProblem(after?.value as VaultStatus, 'folder_not_writable');
    expect(save?.error?.code).toBe('locked');
    expect(change?.error?.code).toBe('storage_failed');
    expect(report.internalErrors).toEqual([]);
    expect(fileHashes(dataDir, { includeSqliteSidecars: true })).toEqual(before);

    // Once the folder is writable again, everything is there.
    chmodSync(dataDir, 0o700);
    const healthy = await unlockFresh(dataDir);
    expect(await allEntries(healthy.api)).toEqual(entries);
  });

  it('a folder that turns read-only while unlocked: backup and passphrase change fail with storage_failed', async () => {
    const { dataDir } = await closedVault();
    // The child must be able to unlock first, so the folder is its own until it locks itself out.
    if (runningAsRoot()) {
      for (const name of readdirSync(dataDir)) chownSync(join(dataDir, name), NOBODY, NOBODY);
      chownSync(dataDir, NOBODY, NOBODY);
    }
    const before = fileHashes(dataDir);

    const report = await runVaultChild({
      dataDir,
      steps: [
        { call: 'vault.unlock', input: { method: 'passphrase', passphrase: PASSPHRASE } },
        { chmod: dataDir, mode: 0o555 },
        { call: 'vault.backup', input: { passphrase: 'backup passphrase' } },
        { call: 'vault.changePassphrase', input: { current: PASSPHRASE, next: 'never gets saved' } },
        { call: 'vault.setKeychain', input: { enabled: false } },
      ],
    });

    const [unlock, , backup, change, keychain] = report.results as {
      ok: boolean;
      value?: VaultStatus;
      error?: { code: string };
    }[];
    expect(unlock?.value?.state).toBe('unlocked');
    expect(backup?.error?.code).toBe('storage_failed');
    expect(change?.error?.code).toBe('storage_failed');
    expect(keychain?.error?.code).toBe('storage_failed');
    expect(report.internalErrors).toEqual([]);
    expect(fileHashes(dataDir)).toEqual(before);
  });
});
