import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure, type VaultStatus } from '../../contract';
import type { Clock } from '../../core/clock';
import type { KeychainProtector } from '../../core/vault/key-protector';
import type { VaultService } from '../../core/vault/vault-service';
import { openVaultDatabase, VaultOpenError } from './database';
import type { Keyring } from './keyring-file';
import type { ScryptParams } from './scrypt-protector';
import { storageFailure } from './storage-errors';
import { createVaultBackups } from './vault-backup';
import { createVaultFiles } from './vault-files';
import { createVaultKeys } from './vault-keys';
import { createVaultSession } from './vault-session';
import { vaultStatus } from './vault-status';

export { KEYRING_FILE, VAULT_FILE } from './vault-files';

const DEFAULT_AUTO_LOCK_MINUTES = 15;

export interface VaultOptions {
  dataDir: string;
  clock: Clock;
  /** The OS keychain, where the host has one (Electron). The browser host has none. */
  keychain?: KeychainProtector;
  /** Folder for backups; defaults to `<dataDir>/backups`. */
  backupDir?: string;
  scrypt?: ScryptParams;
  /** Idle minutes before locking until the user chooses (IT policy may pre-seed it). */
  defaultAutoLockMinutes?: number;
}

/**
 * The encrypted vault of one data folder, put together from its parts: the folder's files
 * (vault-files), the ways to the key (vault-keys), the open database (vault-session), what the
 * page is told (vault-status) and backups (vault-backup).
 */
export function createVault(options: VaultOptions): VaultService {
  const { dataDir, clock } = options;
  const files = createVaultFiles(dataDir);
  const keys = createVaultKeys({ clock, scrypt: options.scrypt, keychain: options.keychain });
  const session = createVaultSession({
    dbPath: files.dbPath,
    clock,
    defaultAutoLockMinutes: options.defaultAutoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
  });
  const backups = createVaultBackups({
    files,
    keys,
    session,
    clock,
    backupDir: options.backupDir ?? join(dataDir, 'backups'),
  });
  const status = () => vaultStatus(files, keys, session);

  function requireKeyring(): Keyring {
    const found = files.read();
    if ('keyring' in found) return found.keyring;
    if ('problem' in found) throw new ApiFailure('unavailable', found.problem.message);
    throw new ApiFailure('not_found', 'There is no vault here yet. Set one up first.');
  }

  function lock(): VaultStatus {
    session.lock();
    return status();
  }

  return {
    status,

    async create(passphrase, useKeychain) {
      if (files.exists()) throw new ApiFailure('conflict', 'A vault already exists in this data folder.');
      const key = randomBytes(32);
      rmSync(files.creatingPath, { force: true });
      try {
        openVaultDatabase(files.creatingPath, key, { create: true }).close();
      } catch (error) {
        throw (
          storageFailure(error) ??
          (error instanceof VaultOpenError ? new ApiFailure('storage_failed', error.message) : error)
        );
      }
      const fresh = await keys.newKeyring(key, passphrase);
      const keyring =
        useKeychain && keys.keychainState().availability.available
          ? await keys.withKeychain(fresh.keyring, key)
          : fresh.keyring;
      files.saveKeyring(keyring);
      renameSync(files.creatingPath, files.dbPath);
      session.openWith(key);
      return { recoveryCode: fresh.recoveryCode };
    },

    async unlock(request) {
      if (session.isOpen()) return status();
      const keyring = requireKeyring();
      const key =
        request.method === 'keychain'
          ? await keys.unwrapWithKeychain(keyring)
          : await keys.unwrapWithPassphrase(
              keyring,
              request.passphrase,
              'That passphrase does not match. Check Caps Lock and try again.',
            );
      session.openWith(key);
      return status();
    },

    lock,

    async changePassphrase(current, next) {
      const keyring = requireKeyring();
      const key = await keys.unwrapWithPassphrase(
        keyring,
        current,
        'Your current passphrase does not match, so it was not changed.',
      );
      files.saveKeyring(await keys.withPassphrase(keyring, key, next));
      key.fill(0);
      return status();
    },

    async recover(recoveryCode, newPassphrase) {
      const keyring = requireKeyring();
      const key = await keys.unwrapWithRecoveryCode(keyring, recoveryCode);
      // The code is used up: a new one replaces it, shown once.
      const next = await keys.rewrapAfterRecovery(keyring, key, newPassphrase);
      files.saveKeyring(next.keyring);
      if (!session.isOpen()) session.openWith(key);
      return { recoveryCode: next.recoveryCode };
    },

    async setKeychain(enabled) {
      const { key } = session.requireOpen();
      const keyring = requireKeyring();
      files.saveKeyring(enabled ? await keys.withKeychain(keyring, key) : keys.withoutKeychain(keyring));
      return status();
    },

    setAutoLock(minutes) {
      session.setAutoLock(minutes);
      return status();
    },

    backup: (passphrase) => backups.backup(passphrase),
    restore: (path, passphrase, replaceExisting) => backups.restore(path, passphrase, replaceExisting),
    touch: () => session.touch(),
    lockIfIdle: () => session.lockIfIdle(),

    stressDiary: () => session.repository('stressDiary'),
    checkins: () => session.repository('checkins'),
    course: () => session.repository('course'),
    rooms: () => session.repository('rooms'),
    thoughtRecords: () => session.repository('thoughtRecords'),
    diarySearch: () => session.repository('diarySearch'),
    shareHistory: () => session.repository('shareHistory'),
    reminders: () => session.repository('reminders'),
    library: () => session.repository('library'),

    close() {
      session.lock();
    },
  };
}
