import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../src-main/core/vault/vault-service';
import { backupFileBytes, readBackupFile } from '../../src-main/infra/vault/backup-file';
import { createScryptProtector } from '../../src-main/infra/vault/scrypt-protector';
import { KEYRING_FILE, VAULT_FILE } from '../../src-main/infra/vault/vault';
import { tempDir } from '../helpers/host-harness';
import {
  allEntries,
  createVaultApi,
  diaryEntry,
  RECOVERY_CODE_FORMAT,
  type VaultApi,
} from '../helpers/vault-api';
import { fileHashes } from '../helpers/vault-files';
import { createTestVault, fakeClock, TEST_SCRYPT } from '../helpers/vault-harness';

const PASSPHRASE = 'correct horse battery';
const MINUTE = 60_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A real vault (real SQLite cipher, real scrypt) in a fresh folder, behind the real dispatcher. */
function openApi(dataDir = tempDir('stillroom-vault-'), clock = fakeClock()) {
  const vault: VaultService = createTestVault(dataDir, { clock });
  cleanups.push(() => vault.close());
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return { api: createVaultApi(vault), dataDir, clock };
}

async function createdVault(passphrase = PASSPHRASE) {
  const opened = openApi();
  const { recoveryCode } = await opened.api.value('vault.create', { passphrase });
  return { ...opened, recoveryCode };
}

async function saveEntries(api: VaultApi, count: number, from = 0) {
  const saved = [];
  for (let n = from; n < from + count; n++) saved.push(await api.value('diary.save', diaryEntry(n)));
  return saved;
}

describe('vault life cycle through the Api', () => {
  it('starts as "new"; create shows a recovery code once and leaves the vault unlocked', async () => {
    const { api, dataDir } = openApi();
    expect(await api.value('vault.status', {})).toMatchObject({ state: 'new', unlockMethods: [] });
    expect((await api.error('diary.list', {})).code).toBe('locked');

    const { recoveryCode } = await api.value('vault.create', { passphrase: PASSPHRASE });

    expect(recoveryCode).toMatch(RECOVERY_CODE_FORMAT);
    expect(await api.value('vault.status', {})).toMatchObject({ state: 'unlocked', retryAfterMs: 0 });
    expect(existsSync(join(dataDir, VAULT_FILE))).toBe(true);
    // The recovery code is shown, never stored: only its scrypt-wrapped key is on disk.
    const keyring = readFileSync(join(dataDir, KEYRING_FILE), 'utf8');
    expect(keyring).not.toContain(recoveryCode);
    expect(keyring).not.toContain(recoveryCode.replace(/-/g, ''));
    expect(keyring).not.toContain(PASSPHRASE);
    expect(api.internalErrors).toEqual([]);
  });

  it('saves, lists newest first, edits and deletes diary entries', async () => {
    const { api } = await createdVault();
    const [first, second, third] = await saveEntries(api, 3);
    if (!first || !second || !third) throw new Error('three entries expected');
    expect(first).toMatchObject({ ...diaryEntry(0), id: expect.any(String) });

    const listed = await api.value('diary.list', { limit: 50 });
    expect(listed.total).toBe(3);
    expect(listed.entries.map((e) => e.id)).toEqual([third.id, second.id, first.id]);
    expect(listed.entries[2]).toEqual(first);

    const edited = await api.value('diary.save', {
      ...diaryEntry(1),
      id: second.id,
      stress: 2,
      what: 'Calmer now',
    });
    expect(edited).toMatchObject({
      id: second.id,
      stress: 2,
      what: 'Calmer now',
      createdAt: second.createdAt,
    });
    expect(await api.value('diary.delete', { id: first.id })).toEqual(first);
    expect(await allEntries(api)).toEqual([third, edited]);
    expect((await api.error('diary.delete', { id: first.id })).code).toBe('not_found');
    expect(api.internalErrors).toEqual([]);
  });

  it('locking closes the diary until the right passphrase opens it again, with nothing lost', async () => {
    const { api } = await createdVault();
    await saveEntries(api, 4);
    const before = await allEntries(api);

    expect(await api.value('vault.lock', {})).toMatchObject({
      state: 'locked',
      unlockMethods: ['passphrase', 'recovery'],
    });
    expect((await api.error('diary.list', {})).code).toBe('locked');
    expect((await api.error('diary.save', diaryEntry(9))).code).toBe('locked');
    expect((await api.error('diary.delete', { id: before[0]?.id ?? '' })).code).toBe('locked');

    expect(await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      state: 'unlocked',
    });
    expect(await allEntries(api)).toEqual(before);
  });

  it('refuses wrong passphrases, then asks for a wait that only the clock ends (even for the right one)', async () => {
    const { api, clock } = await createdVault();
    await api.value('vault.lock', {});
    const wrong = { method: 'passphrase', passphrase: 'correct horse battery!' } as const;

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await api.error('vault.unlock', wrong)).code).toBe('wrong_secret');
    }
    const waiting = await api.value('vault.status', {});
    expect(waiting).toMatchObject({ state: 'locked' });
    expect(waiting.retryAfterMs).toBeGreaterThan(0);

    const limited = await api.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(limited.code).toBe('rate_limited');
    expect(limited.message).toMatch(/wait \d+ seconds?/);
    clock.advance(waiting.retryAfterMs - 1);
    expect((await api.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).code).toBe(
      'rate_limited',
    );
    expect((await api.value('vault.status', {})).retryAfterMs).toBe(1);

    clock.advance(1);
    expect(await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      state: 'unlocked',
      retryAfterMs: 0,
    });
    // Success forgives the earlier mistakes: the next typo is just a typo again.
    await api.value('vault.lock', {});
    expect((await api.error('vault.unlock', wrong)).code).toBe('wrong_secret');
    expect((await api.value('vault.status', {})).retryAfterMs).toBe(0);
  });

  it('changes the passphrase: the old one stops working, the new one opens the same data', async () => {
    const { api } = await createdVault();
    const before = await saveEntries(api, 2);
    const next = 'a brand new passphrase';

    expect((await api.error('vault.changePassphrase', { current: 'not my passphrase', next })).code).toBe(
      'wrong_secret',
    );
    expect(await api.value('vault.changePassphrase', { current: PASSPHRASE, next })).toMatchObject({
      state: 'unlocked',
    });
    await api.value('vault.lock', {});

    expect((await api.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).code).toBe(
      'wrong_secret',
    );
    expect(await api.value('vault.unlock', { method: 'passphrase', passphrase: next })).toMatchObject({
      state: 'unlocked',
    });
    expect(await allEntries(api)).toEqual(before.reverse());
  });

  it('recovers with the code typed in lower case with spaces, sets a new passphrase and replaces the code', async () => {
    const { api, recoveryCode } = await createdVault();
    const before = await saveEntries(api, 3);
    await api.value('vault.lock', {});
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    expect(typed).not.toContain('-');

    const { recoveryCode: newCode } = await api.value('vault.recover', {
      recoveryCode: typed,
      newPassphrase: 'remembered at last',
    });

    expect(newCode).toMatch(RECOVERY_CODE_FORMAT);
    expect(newCode).not.toBe(recoveryCode);
    expect(await api.value('vault.status', {})).toMatchObject({ state: 'unlocked' });
    expect(await allEntries(api)).toEqual(before.reverse());

    await api.value('vault.lock', {});
    expect((await api.error('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).code).toBe(
      'wrong_secret',
    );
    expect(
      await api.value('vault.unlock', { method: 'passphrase', passphrase: 'remembered at last' }),
    ).toMatchObject({ state: 'unlocked' });
    await api.value('vault.lock', {});

    // The old code is used up; the new one works.
    expect(
      (await api.error('vault.recover', { recoveryCode, newPassphrase: 'someone else trying' })).code,
    ).toBe('wrong_secret');
    const third = await api.value('vault.recover', {
      recoveryCode: newCode,
      newPassphrase: 'third passphrase',
    });
    expect(third.recoveryCode).toMatch(RECOVERY_CODE_FORMAT);
    await api.value('vault.lock', {});
    expect(
      await api.value('vault.unlock', { method: 'passphrase', passphrase: 'third passphrase' }),
    ).toMatchObject({ state: 'unlocked' });
  });

  it('auto-locks after the chosen idle minutes; activity restarts the count; 0 means never', async () => {
    const { api, clock } = await createdVault();
    const { vault } = api;
    expect((await api.value('vault.setAutoLock', { minutes: 5 })).autoLockMinutes).toBe(5);

    clock.advance(5 * MINUTE - 1000);
    expect(vault.lockIfIdle()).toBe(false);
    expect(await api.value('app.activity', {})).toEqual({});
    clock.advance(5 * MINUTE - 1000);
    // Ten idle-ish minutes since unlocking, but only just under five since the last activity.
    expect(vault.lockIfIdle()).toBe(false);
    expect((await api.value('vault.status', {})).state).toBe('unlocked');

    clock.advance(1000);
    expect(vault.lockIfIdle()).toBe(true);
    expect((await api.value('vault.status', {})).state).toBe('locked');
    expect((await api.error('diary.list', {})).code).toBe('locked');
    expect(vault.lockIfIdle()).toBe(false);

    // The choice is kept in the vault itself, and 0 turns auto-lock off.
    expect(
      (await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).autoLockMinutes,
    ).toBe(5);
    expect((await api.value('vault.setAutoLock', { minutes: 0 })).autoLockMinutes).toBe(0);
    clock.advance(30 * 24 * 60 * MINUTE);
    expect(vault.lockIfIdle()).toBe(false);
    expect((await api.value('vault.status', {})).state).toBe('unlocked');
  });

  it('keeps data for a new vault instance on the same folder, which refuses to create another vault', async () => {
    const first = await createdVault();
    const saved = (await saveEntries(first.api, 5)).reverse();
    first.api.vault.close();
    const files = fileHashes(first.dataDir);

    const { api } = openApi(first.dataDir);
    expect(await api.value('vault.status', {})).toMatchObject({ state: 'locked' });
    expect((await api.error('vault.create', { passphrase: 'start all over again' })).code).toBe('conflict');
    expect(fileHashes(first.dataDir)).toEqual(files);

    await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(await allEntries(api)).toEqual(saved);
    expect((await api.error('vault.create', { passphrase: 'start all over again' })).code).toBe('conflict');
  });
});

describe('backup and restore', () => {
  const BACKUP_PASSPHRASE = 'backup passphrase 2026';

  async function vaultWithBackup() {
    const source = await createdVault();
    await saveEntries(source.api, 6);
    const all = await allEntries(source.api);
    await source.api.value('diary.save', { ...diaryEntry(2), id: all[1]?.id, what: 'Edited after the fact' });
    await source.api.value('diary.delete', { id: all[3]?.id ?? '' });
    const entries = await allEntries(source.api);
    const backup = await source.api.value('vault.backup', {
      passphrase: BACKUP_PASSPHRASE,
      target: await source.api.files.save('backup'),
    });
    return { source, entries, backup: { ...backup.file, path: source.api.files.pathOf(backup.file) } };
  }

  it('writes one backup file where the person chose, never next to the vault', async () => {
    const { source, backup } = await vaultWithBackup();
    expect(dirname(backup.path)).toBe(source.api.files.documents);
    expect(basename(backup.path)).toMatch(/^backup-.*\.stillroom-backup$/);
    expect(readdirSync(source.dataDir).filter((name) => name.endsWith('.stillroom-backup'))).toEqual([]);
    expect(statSync(backup.path).size).toBe(backup.bytes);
    expect(readFileSync(backup.path).subarray(0, 17).toString()).toBe('STILLROOM-BACKUP\n');
  });

  it('restores every entry into an empty data folder, under the backup passphrase', async () => {
    const { entries, backup } = await vaultWithBackup();
    const { api } = openApi();
    expect((await api.value('vault.status', {})).state).toBe('new');

    const restored = await api.value('vault.restore', {
      file: await api.files.open('backup', backup.path),
      passphrase: BACKUP_PASSPHRASE,
    });

    expect(restored.recoveryCode).toMatch(RECOVERY_CODE_FORMAT);
    expect(restored.safetyCopy).toBeUndefined();
    expect((await api.value('vault.status', {})).state).toBe('unlocked');
    expect(entries).toHaveLength(5);
    expect(await allEntries(api)).toEqual(entries);

    // The restored vault is a full vault: it opens with the backup passphrase and its new code.
    await api.value('vault.lock', {});
    await api.value('vault.unlock', { method: 'passphrase', passphrase: BACKUP_PASSPHRASE });
    expect(await allEntries(api)).toEqual(entries);
    await api.value('vault.lock', {});
    await api.value('vault.recover', { recoveryCode: restored.recoveryCode, newPassphrase: 'after restore' });
    expect(await allEntries(api)).toEqual(entries);
  });

  it('refuses to restore over an existing vault without replaceExisting, changing nothing', async () => {
    const { backup } = await vaultWithBackup();
    const target = await createdVault('the target passphrase');
    const theirs = (await saveEntries(target.api, 2, 40)).reverse();
    const files = fileHashes(target.dataDir);

    const refused = await target.api.error('vault.restore', {
      file: await target.api.files.open('backup', backup.path),
      passphrase: BACKUP_PASSPHRASE,
    });

    expect(refused.code).toBe('conflict');
    expect(fileHashes(target.dataDir)).toEqual(files);
    expect((await target.api.value('vault.status', {})).state).toBe('unlocked');
    expect(await allEntries(target.api)).toEqual(theirs);
  });

  it('with replaceExisting, moves the old files byte for byte into safety-copies/<stamp>/', async () => {
    const { entries, backup } = await vaultWithBackup();
    const target = await createdVault('the target passphrase');
    const theirs = (await saveEntries(target.api, 2, 40)).reverse();
    await target.api.value('vault.lock', {});
    const before = fileHashes(target.dataDir, { includeSqliteSidecars: true });
    expect(Object.keys(before).sort()).toEqual([KEYRING_FILE, VAULT_FILE]);

    const restored = await target.api.value('vault.restore', {
      file: await target.api.files.open('backup', backup.path),
      passphrase: BACKUP_PASSPHRASE,
      replaceExisting: true,
    });

    const safetyCopy = restored.safetyCopy ?? '';
    expect(dirname(safetyCopy)).toBe(join(target.dataDir, 'safety-copies'));
    expect(basename(safetyCopy)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(fileHashes(safetyCopy, { includeSqliteSidecars: true })).toEqual(before);
    expect(await allEntries(target.api)).toEqual(entries);

    // The safety copy is a whole vault that still opens with the old passphrase.
    const { api: old } = openApi(safetyCopy);
    await old.value('vault.unlock', { method: 'passphrase', passphrase: 'the target passphrase' });
    expect(await allEntries(old)).toEqual(theirs);
  });

  it('restoring over an unlocked vault keeps its latest entries in the safety copy', async () => {
    const { backup } = await vaultWithBackup();
    const target = await createdVault('the target passphrase');
    const theirs = (await saveEntries(target.api, 3, 50)).reverse();

    const { safetyCopy } = await target.api.value('vault.restore', {
      file: await target.api.files.open('backup', backup.path),
      passphrase: BACKUP_PASSPHRASE,
      replaceExisting: true,
    });

    const { api: old } = openApi(safetyCopy);
    await old.value('vault.unlock', { method: 'passphrase', passphrase: 'the target passphrase' });
    expect(await allEntries(old)).toEqual(theirs);
  });

  it('refuses a wrong backup passphrase with wrong_secret, changing nothing', async () => {
    const { backup } = await vaultWithBackup();
    const target = await createdVault('the target passphrase');
    await target.api.value('vault.lock', {});
    const files = fileHashes(target.dataDir, { includeSqliteSidecars: true });

    const refused = await target.api.error('vault.restore', {
      file: await target.api.files.open('backup', backup.path),
      passphrase: 'backup passphrase 2025',
      replaceExisting: true,
    });

    expect(refused.code).toBe('wrong_secret');
    expect(fileHashes(target.dataDir, { includeSqliteSidecars: true, includeAttempts: false })).toEqual(
      files,
    );
    expect((await target.api.value('vault.status', {})).state).toBe('locked');
  });
});

describe('damaged or forged backups', () => {
  const BACKUP_PASSPHRASE = 'backup passphrase 2026';

  /** Where the header line and the database part start in a backup file. */
  function layout(file: Buffer) {
    const magicEnd = file.indexOf(0x0a);
    const headerEnd = file.indexOf(0x0a, magicEnd + 1);
    const macEnd = file.indexOf(0x0a, headerEnd + 1);
    return { headerStart: magicEnd + 1, headerEnd, databaseStart: macEnd + 1 };
  }

  function editHeader(file: Buffer, edit: (header: Record<string, unknown>) => string): Buffer {
    const { headerStart, headerEnd } = layout(file);
    const header = JSON.parse(file.subarray(headerStart, headerEnd).toString('utf8')) as Record<
      string,
      unknown
    >;
    return Buffer.concat([
      file.subarray(0, headerStart),
      Buffer.from(edit(header)),
      file.subarray(headerEnd),
    ]);
  }

  const damage: [string, (file: Buffer) => Buffer, 'tampered' | 'invalid_input'][] = [
    [
      'one byte flipped in the database part',
      (file) => {
        const copy = Buffer.from(file);
        const { databaseStart } = layout(file);
        const at = databaseStart + Math.floor((file.length - databaseStart) / 2);
        copy[at] = (copy[at] ?? 0) ^ 0x01;
        return copy;
      },
      'tampered',
    ],
    ['the database part cut short', (file) => file.subarray(0, file.length - 1000), 'tampered'],
    ['bytes added at the end', (file) => Buffer.concat([file, Buffer.alloc(4096)]), 'tampered'],
    [
      "the header's schemaVersion edited",
      (file) =>
        editHeader(file, (header) =>
          JSON.stringify({ ...header, schemaVersion: Number(header.schemaVersion) + 1 }),
        ),
      'tampered',
    ],
    [
      'the header edited so that it no longer parses',
      (file) => editHeader(file, (header) => JSON.stringify({ ...header, schemaVersion: 'one' })),
      'invalid_input',
    ],
    [
      'the header cut off mid-line',
      (file) => file.subarray(0, layout(file).headerStart + 20),
      'invalid_input',
    ],
  ];

  async function originalBackup() {
    const source = await createdVault();
    await saveEntries(source.api, 8);
    const backup = await source.api.value('vault.backup', {
      passphrase: BACKUP_PASSPHRASE,
      target: await source.api.files.save('backup'),
    });
    const path = source.api.files.pathOf(backup.file);
    return { source, path, bytes: readFileSync(path) };
  }

  /** Both kinds of target: an empty folder, and a locked vault the user asked to replace. */
  async function targets() {
    const empty = openApi();
    const existing = await createdVault('the target passphrase');
    const theirs = (await saveEntries(existing.api, 2, 40)).reverse();
    await existing.api.value('vault.lock', {});
    return {
      empty,
      existing,
      theirs,
      emptyFiles: fileHashes(empty.dataDir, { includeSqliteSidecars: true }),
      existingFiles: fileHashes(existing.dataDir, { includeSqliteSidecars: true }),
    };
  }

  async function expectRefusedUnchanged(path: string, code: string) {
    const t = await targets();
    for (const { api } of [t.empty, t.existing]) {
      const refused = await api.error('vault.restore', {
        file: await api.files.open('backup', path),
        passphrase: BACKUP_PASSPHRASE,
        replaceExisting: true,
      });
      expect(refused.code).toBe(code);
      expect(api.internalErrors).toEqual([]);
    }
    expect(fileHashes(t.empty.dataDir, { includeSqliteSidecars: true })).toEqual(t.emptyFiles);
    expect(fileHashes(t.existing.dataDir, { includeSqliteSidecars: true })).toEqual(t.existingFiles);
    expect((await t.empty.api.value('vault.status', {})).state).toBe('new');
    await t.existing.api.value('vault.unlock', { method: 'passphrase', passphrase: 'the target passphrase' });
    expect(await allEntries(t.existing.api)).toEqual(t.theirs);
  }

  it.each(damage)('refuses a backup with %s, changing nothing', async (_label, spoil, code) => {
    const { path, bytes } = await originalBackup();
    const spoiled = spoil(bytes);
    expect(spoiled.equals(bytes)).toBe(false);
    writeFileSync(path, spoiled);
    await expectRefusedUnchanged(path, code);
  });

  it('the untouched backup restores (so the refusals above are about the damage)', async () => {
    const { source, path } = await originalBackup();
    const { api } = openApi();
    await api.value('vault.restore', {
      file: await api.files.open('backup', path),
      passphrase: BACKUP_PASSPHRASE,
    });
    expect(await allEntries(api)).toEqual(await allEntries(source.api));
  });

  /** Re-signs a backup with the real writer, as someone who knows the backup passphrase could. */
  async function resign(path: string, change: (database: string) => void) {
    const protector = createScryptProtector('passphrase', TEST_SCRYPT);
    const { backupKey, database } = await readBackupFile(readFileSync(path), BACKUP_PASSPHRASE, protector);
    const scratch = join(tempDir('stillroom-forge-'), 'copy.db');
    cleanups.push(() => rmSync(dirname(scratch), { recursive: true, force: true }));
    writeFileSync(scratch, database);
    change(scratch);
    const forged = `${path}.forged`;
    writeFileSync(
      forged,
      await backupFileBytes(readFileSync(scratch), backupKey, 1, BACKUP_PASSPHRASE, protector),
    );
    return { forged, backupKey };
  }

  it('refuses a correctly signed backup whose database pages are damaged (tampered)', async () => {
    const { path } = await originalBackup();
    const { forged } = await resign(path, (database) => {
      const bytes = readFileSync(database);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      writeFileSync(database, bytes);
    });
    await expectRefusedUnchanged(forged, 'tampered');
  });

  it('refuses a correctly signed backup made by a newer Stillroom (unavailable)', async () => {
    const { path } = await originalBackup();
    const protector = createScryptProtector('passphrase', TEST_SCRYPT);
    const { backupKey } = await readBackupFile(readFileSync(path), BACKUP_PASSPHRASE, protector);
    const { forged } = await resign(path, (database) => {
      const db = new Database(database, { fileMustExist: true });
      db.pragma(`cipher = 'chacha20'`);
      db.pragma(`key = "x'${Buffer.from(backupKey).toString('hex')}'"`);
      db.pragma('user_version = 999');
      db.close();
    });
    const t = await targets();
    const refused = await t.existing.api.error('vault.restore', {
      file: await t.existing.api.files.open('backup', forged),
      passphrase: BACKUP_PASSPHRASE,
      replaceExisting: true,
    });
    expect(refused).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/newer version/) });
    expect(fileHashes(t.existing.dataDir, { includeSqliteSidecars: true })).toEqual(t.existingFiles);
  });
});
