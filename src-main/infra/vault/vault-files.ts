import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultStatus } from '../../contract';
import { readKeyring, writeKeyring, type Keyring } from './keyring-file';
import { storageFailure } from './storage-errors';

export const VAULT_FILE = 'vault.db';
export const KEYRING_FILE = 'keyring.json';
const CREATING_FILE = 'vault.db.creating';
/** SQLite's own files beside the database, moved together with it. */
export const DATABASE_FILES = [VAULT_FILE, `${VAULT_FILE}-wal`, `${VAULT_FILE}-shm`] as const;

export type Problem = NonNullable<VaultStatus['problem']>;

const PROBLEM_MESSAGES = {
  key_missing:
    'Your data file is here, but the key file beside it (keyring.json) is missing. Nothing has been deleted. Put keyring.json back, or restore a backup.',
  key_unreadable:
    'The key file (keyring.json) is damaged, so your data cannot be opened. Nothing has been deleted. Put back a good copy, or restore a backup.',
  database_missing:
    'The key file is here, but your data file (vault.db) is missing. Nothing has been deleted. Put vault.db back, or restore a backup.',
} as const;

export type VaultFiles = ReturnType<typeof createVaultFiles>;

/** The files of one data folder: where they are, what state they are in, and the keyring's writes. */
export function createVaultFiles(
  dataDir: string,
  /** Whether the keyring's entries are ones this vault will try (well formed, within limits). */
  acceptable: (keyring: Keyring) => boolean,
) {
  const dbPath = join(dataDir, VAULT_FILE);
  const keyringPath = join(dataDir, KEYRING_FILE);
  const creatingPath = join(dataDir, CREATING_FILE);

  /** A create that stopped after writing the keyring but before naming the database. */
  function finishInterruptedCreate(): void {
    if (existsSync(creatingPath) && existsSync(keyringPath) && !existsSync(dbPath)) {
      renameSync(creatingPath, dbPath);
    }
  }

  return {
    dataDir,
    dbPath,
    keyringPath,
    creatingPath,

    exists(): boolean {
      return existsSync(keyringPath) || existsSync(dbPath);
    },

    /** The keyring when the folder holds a whole vault, the problem when half of one, or none. */
    read(): { keyring: Keyring } | { problem: Problem } | { none: true } {
      finishInterruptedCreate();
      const read = readKeyring(keyringPath);
      const hasDb = existsSync(dbPath);
      if (read.kind === 'missing') {
        return hasDb
          ? { problem: { code: 'key_missing', message: PROBLEM_MESSAGES.key_missing } }
          : { none: true };
      }
      if (read.kind === 'unreadable' || (read.kind === 'ok' && !acceptable(read.keyring))) {
        return { problem: { code: 'key_unreadable', message: PROBLEM_MESSAGES.key_unreadable } };
      }
      if (!hasDb) {
        return { problem: { code: 'database_unreadable', message: PROBLEM_MESSAGES.database_missing } };
      }
      return { keyring: read.keyring };
    },

    saveKeyring(keyring: Keyring): void {
      try {
        writeKeyring(keyringPath, keyring);
      } catch (error) {
        throw storageFailure(error) ?? error;
      }
    },
  };
}
