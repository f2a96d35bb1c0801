import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure, type VaultStatus } from '../../contract';
import type { Clock } from '../../core/clock';
import type { KeychainProtector } from '../../core/vault/key-protector';
import { createSerialQueue } from '../../core/vault/serial';
import type { VaultService } from '../../core/vault/vault-service';
import { engineProblem, openVaultDatabase, VaultOpenError } from './database';
import type { Keyring } from './keyring-file';
import type { ScryptParams } from './scrypt-protector';
import { storageFailure } from './storage-errors';
import { ATTEMPTS_FILE } from './attempts-file';
import { countVaultCopies, eraseVaultFiles } from './erase-files';
import { createVaultBackups } from './vault-backup';
import { createVaultFiles } from './vault-files';
import { createVaultKeys } from './vault-keys';
import { createVaultSession } from './vault-session';
import { vaultStatus } from './vault-status';

import { KEYRING_FILE, VAULT_FILE } from './vault-files';

export { KEYRING_FILE, VAULT_FILE };

const DEFAULT_AUTO_LOCK_MINUTES = 15;

export interface VaultOptions {
  dataDir: string;
  clock: Clock;
  /** The OS keychain, where the host has one (Electron). The browser host has none. */
  keychain?: KeychainProtector;
  scrypt?: ScryptParams;
  /** Idle minutes before locking until the user chooses (IT policy may pre-seed it). */
  defaultAutoLockMinutes?: number;
  /** Another native SQLite binding file than the package's own (tests: one that cannot load). */
  nativeBinding?: string;
}

/**
 * The encrypted vault of one data folder, put together from its parts: the folder's files
 * (vault-files), the ways to the key (vault-keys), the open database (vault-session), what the
 * page is told (vault-status) and backups (vault-backup).
 *
 * Operations that await (scrypt, the keychain) run one at a time through `serial`, so two tabs
 * cannot interleave a create, an unlock, a recovery or a restore. Lock does not queue: it is
 * synchronous, so it never lands inside another operation's synchronous steps, and it must
 * never wait behind a slow scrypt (screen lock, suspend). An operation that was still running
 * when Lock came does not open the vault afterwards (the session's epoch changed).
 */
export function createVault(options: VaultOptions): VaultService {
  const { dataDir, clock } = options;
  const keys = createVaultKeys({ dataDir, clock, scrypt: options.scrypt, keychain: options.keychain });
  const files = createVaultFiles(dataDir, keys.keyringAcceptable);
  const session = createVaultSession({
    dbPath: files.dbPath,
    clock,
    defaultAutoLockMinutes: options.defaultAutoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    nativeBinding: options.nativeBinding,
  });
  // Backups go where the person chooses (never the data folder); older versions kept them in
  // <dataDir>/backups, so erase and the overview still look there for an old install's copies.
  const copyFolders = { backups: join(dataDir, 'backups'), safetyCopies: join(dataDir, 'safety-copies') };
  const backups = createVaultBackups({ files, keys, session, clock });
  const serial = createSerialQueue();

  function status(): VaultStatus {
    const engine = engineProblem(options.nativeBinding);
    if (engine) {
      return {
        state: 'problem',
        problem: { code: 'engine_unavailable', message: engine.message },
        unlockMethods: [],
        keychain: { available: false, enrolled: false },
        retryAfterMs: keys.retryAfterMs(),
        autoLockMinutes: session.autoLockMinutes(),
      };
    }
    return vaultStatus(files, keys, session);
  }

  /** Nothing that needs the database starts while its engine cannot load. */
  function requireEngine(): void {
    const engine = engineProblem(options.nativeBinding);
    if (engine) throw new ApiFailure('unavailable', engine.message);
  }

  function requireKeyring(): Keyring {
    requireEngine();
    const found = files.read();
    if ('keyring' in found) return found.keyring;
    if ('problem' in found) throw new ApiFailure('unavailable', found.problem.message);
    throw new ApiFailure('not_found', 'There is no vault here yet. Set one up first.');
  }

  function lock(): VaultStatus {
    session.lock();
    return status();
  }

  /** Saves a better-wrapped passphrase entry; an unlock never fails because this could not. */
  function saveUpgrade(keyring: Keyring | undefined): void {
    if (!keyring) return;
    try {
      files.saveKeyring(keyring);
    } catch {
      // A read-only folder keeps the older entry, which still opens; the next unlock tries again.
    }
  }

  return {
    status,

    create(passphrase, useKeychain) {
      const epoch = session.epoch();
      return serial.run(async () => {
        requireEngine();
        if (files.exists()) throw new ApiFailure('conflict', 'A vault already exists in this data folder.');
        const key = randomBytes(32);
        rmSync(files.creatingPath, { force: true });
        try {
          openVaultDatabase(files.creatingPath, key, {
            create: true,
            nativeBinding: options.nativeBinding,
          }).close();
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
        session.openWith(key, epoch);
        return { recoveryCode: fresh.recoveryCode };
      });
    },

    unlock(request) {
      // A Lock that comes after this request wins, even while the passphrase is still checked.
      const epoch = session.epoch();
      return serial.run(async () => {
        if (session.isOpen()) return status();
        const keyring = requireKeyring();
        if (request.method === 'keychain') {
          session.openWith(await keys.unwrapWithKeychain(keyring), epoch);
          return status();
        }
        const key = await keys.unwrapWithPassphrase(
          keyring,
          request.passphrase,
          'That passphrase does not match. Check Caps Lock and try again.',
        );
        const upgrade = await keys.upgradedPassphrase(keyring, key, request.passphrase);
        if (session.openWith(key, epoch)) saveUpgrade(upgrade);
        return status();
      });
    },

    lock,

    changePassphrase: (current, next) =>
      serial.run(async () => {
        const keyring = requireKeyring();
        const key = await keys.unwrapWithPassphrase(
          keyring,
          current,
          'Your current passphrase does not match, so it was not changed.',
        );
        try {
          files.saveKeyring(await keys.withPassphrase(keyring, key, next));
        } finally {
          key.fill(0);
        }
        return status();
      }),

    recover(recoveryCode, newPassphrase) {
      const epoch = session.epoch();
      return serial.run(async () => {
        const keyring = requireKeyring();
        const key = await keys.unwrapWithRecoveryCode(keyring, recoveryCode);
        // The code is used up: a new one replaces it, shown once.
        const next = await keys.rewrapAfterRecovery(keyring, key, newPassphrase);
        files.saveKeyring(next.keyring);
        if (session.isOpen()) key.fill(0);
        else session.openWith(key, epoch);
        return { recoveryCode: next.recoveryCode };
      });
    },

    setKeychain: (enabled) =>
      serial.run(async () => {
        const { key } = session.requireOpen();
        const keyring = requireKeyring();
        files.saveKeyring(enabled ? await keys.withKeychain(keyring, key) : keys.withoutKeychain(keyring));
        return status();
      }),

    setAutoLock(minutes) {
      session.setAutoLock(minutes);
      return status();
    },

    backup: (passphrase) => serial.run(() => backups.backup(passphrase)),
    restore: (file, passphrase, replaceExisting) =>
      serial.run(() => {
        requireEngine();
        return backups.restore(file, passphrase, replaceExisting);
      }),
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
    preferences: () => session.repository('preferences'),
    drafts: () => session.repository('drafts'),

    erase(choice) {
      // Like Lock, synchronous and not queued: it closes the database (and zeroes its key) first,
      // and an operation still awaiting scrypt will not open the vault afterwards (new epoch).
      session.lock();
      try {
        const report = eraseVaultFiles(
          dataDir,
          { database: VAULT_FILE, keyring: KEYRING_FILE },
          copyFolders,
          choice,
        );
        rmSync(join(dataDir, ATTEMPTS_FILE), { force: true });
        return report;
      } catch {
        throw new ApiFailure(
          'storage_failed',
          `Stillroom could not remove everything in ${dataDir} (a file may be open elsewhere or read-only). Close other programs and try again.`,
        );
      }
    },

    copies: () => countVaultCopies(copyFolders),

    close() {
      session.lock();
    },
  };
}
