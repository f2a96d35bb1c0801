import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure, type VaultStatus } from '../../contract';
import type { Clock } from '../../core/clock';
import { formatRecoveryCode, normaliseRecoveryCode } from '../../core/vault/recovery-code';
import { idleLockDue } from '../../core/vault/idle-lock';
import { WrongSecretError, type KeychainProtector, type WrappedKey } from '../../core/vault/key-protector';
import { createUnlockThrottle } from '../../core/vault/unlock-throttle';
import type { LockReason, VaultService } from '../../core/vault/vault-service';
import { writeFileAtomic } from './atomic-file';
import { backupFileBytes, readBackupFile } from './backup-file';
import {
  exportDatabase,
  inspectDatabase,
  openVaultDatabase,
  VaultOpenError,
  type VaultDatabase,
} from './database';
import { findProtector, readKeyring, withProtector, writeKeyring, type Keyring } from './keyring-file';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { createShareHistoryRepository } from './repositories/share-history-repository';
import { createCheckinRepository } from './repositories/checkin-repository';
import { createCourseRepository } from './repositories/course-repository';
import { createRoomRepository } from './repositories/room-repository';
import { createDiarySearchRepository } from './repositories/diary-search-repository';
import { createReminderRepository } from './repositories/reminder-repository';
import { createLibraryRepository } from './repositories/library-repository';
import { createStressDiaryRepository } from './repositories/stress-diary-repository';
import { createThoughtRecordRepository } from './repositories/thought-record-repository';
import { createScryptProtector, DEFAULT_SCRYPT, type ScryptParams } from './scrypt-protector';
import { storageFailure } from './storage-errors';

export const VAULT_FILE = 'vault.db';
export const KEYRING_FILE = 'keyring.json';
const CREATING_FILE = 'vault.db.creating';
const DEFAULT_AUTO_LOCK_MINUTES = 15;

export interface VaultOptions {
  dataDir: string;
  clock: Clock;
  /** The OS keychain, where the host has one (Electron). The browser host has none. */
  keychain?: KeychainProtector;
  scrypt?: ScryptParams;
  /** Idle minutes before locking until the user chooses (IT policy may pre-seed it). */
  defaultAutoLockMinutes?: number;
}

type Problem = NonNullable<VaultStatus['problem']>;

const PROBLEM_MESSAGES = {
  key_missing:
    'Your data file is here, but the key file beside it (keyring.json) is missing. Nothing has been deleted. Put keyring.json back, or restore a backup.',
  key_unreadable:
    'The key file (keyring.json) is damaged, so your data cannot be opened. Nothing has been deleted. Put back a good copy, or restore a backup.',
  database_missing:
    'The key file is here, but your data file (vault.db) is missing. Nothing has been deleted. Put vault.db back, or restore a backup.',
} as const;

/** The encrypted vault: keyring, database, protectors, lock state. One per data folder. */
export function createVault(options: VaultOptions): VaultService {
  const { dataDir, clock } = options;
  const dbPath = join(dataDir, VAULT_FILE);
  const keyringPath = join(dataDir, KEYRING_FILE);
  const passphrases = createScryptProtector('passphrase', options.scrypt ?? DEFAULT_SCRYPT);
  const recoveries = createScryptProtector('recovery', options.scrypt ?? DEFAULT_SCRYPT);
  const throttle = createUnlockThrottle(clock);

  let open: { db: VaultDatabase; key: Buffer } | undefined;
  /** The last reason an unlock could not open the database, shown until something changes. */
  let openProblem: Problem | undefined;
  let lastActivity = clock.now();
  const defaultAutoLock = options.defaultAutoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
  let autoLock = defaultAutoLock;
  let repositories:
    | {
        stressDiary: ReturnType<typeof createStressDiaryRepository>;
        thoughtRecords: ReturnType<typeof createThoughtRecordRepository>;
        checkins: ReturnType<typeof createCheckinRepository>;
        course: ReturnType<typeof createCourseRepository>;
        rooms: ReturnType<typeof createRoomRepository>;
        diarySearch: ReturnType<typeof createDiarySearchRepository>;
        library: ReturnType<typeof createLibraryRepository>;
        shareHistory: ReturnType<typeof createShareHistoryRepository>;
        reminders: ReturnType<typeof createReminderRepository>;
      }
    | undefined;

  function finishInterruptedCreate(): void {
    const creating = join(dataDir, CREATING_FILE);
    if (existsSync(creating) && existsSync(keyringPath) && !existsSync(dbPath)) renameSync(creating, dbPath);
  }

  function keyringOrProblem(): { keyring: Keyring } | { problem: Problem } | { none: true } {
    finishInterruptedCreate();
    const read = readKeyring(keyringPath);
    const hasDb = existsSync(dbPath);
    if (read.kind === 'missing') {
      return hasDb
        ? { problem: { code: 'key_missing', message: PROBLEM_MESSAGES.key_missing } }
        : { none: true };
    }
    if (read.kind === 'unreadable')
      return { problem: { code: 'key_unreadable', message: PROBLEM_MESSAGES.key_unreadable } };
    if (!hasDb)
      return { problem: { code: 'database_unreadable', message: PROBLEM_MESSAGES.database_missing } };
    return { keyring: read.keyring };
  }

  function keychainState(keyring?: Keyring) {
    const availability = options.keychain?.availability() ?? { available: false };
    const enrolled = keyring ? findProtector(keyring, 'keychain') !== undefined : false;
    const changed =
      enrolled && (!availability.available || availability.backend !== keyring?.keychainBackend);
    return { availability, enrolled, changed };
  }

  /** Read once at unlock (a failing read must never leave the vault half-open), kept while locked. */
  function readAutoLock(db: VaultDatabase): number {
    try {
      const row = db
        .prepare<[], { value: string }>(`SELECT value FROM vault_settings WHERE key = 'autoLockMinutes'`)
        .get();
      const value = row ? Number(row.value) : defaultAutoLock;
      return Number.isInteger(value) && value >= 0 ? value : defaultAutoLock;
    } catch {
      return defaultAutoLock;
    }
  }

  function status(): VaultStatus {
    const base = { retryAfterMs: throttle.waitMs(), autoLockMinutes: autoLock };
    const found = keyringOrProblem();
    if ('none' in found) {
      return {
        ...base,
        state: 'new',
        unlockMethods: [],
        keychain: { available: keychainState().availability.available, enrolled: false },
      };
    }
    if ('problem' in found) {
      return {
        ...base,
        state: 'problem',
        problem: found.problem,
        unlockMethods: [],
        keychain: { available: false, enrolled: false },
      };
    }
    const { keyring } = found;
    const keychain = keychainState(keyring);
    const keychainInfo = {
      available: keychain.availability.available,
      enrolled: keychain.enrolled,
      backend: keychain.availability.backend,
    };
    if (open) return { ...base, state: 'unlocked', unlockMethods: [], keychain: keychainInfo };
    const unlockMethods: VaultStatus['unlockMethods'] = [];
    if (findProtector(keyring, 'passphrase')) unlockMethods.push('passphrase');
    if (keychain.enrolled && !keychain.changed) unlockMethods.push('keychain');
    if (findProtector(keyring, 'recovery')) unlockMethods.push('recovery');
    if (openProblem)
      return { ...base, state: 'problem', problem: openProblem, unlockMethods, keychain: keychainInfo };
    const problem: Problem | undefined = keychain.changed
      ? {
          code: 'keychain_changed',
          message: `Your system keychain has changed (it was ${keyring.keychainBackend ?? 'unknown'}, now ${
            keychain.availability.available ? (keychain.availability.backend ?? 'unknown') : 'unavailable'
          }), so Stillroom cannot open by itself. Use your passphrase; you can turn the keychain on again in Settings.`,
        }
      : undefined;
    return { ...base, state: 'locked', problem, unlockMethods, keychain: keychainInfo };
  }

  function requireKeyring(): Keyring {
    const found = keyringOrProblem();
    if ('keyring' in found) return found.keyring;
    if ('problem' in found) throw new ApiFailure('unavailable', found.problem.message);
    throw new ApiFailure('not_found', 'There is no vault here yet. Set one up first.');
  }

  function saveKeyring(keyring: Keyring): void {
    try {
      writeKeyring(keyringPath, keyring);
    } catch (error) {
      throw storageFailure(error) ?? error;
    }
  }

  function openWith(key: Buffer): VaultStatus {
    try {
      const db = openVaultDatabase(dbPath, key);
      open = { db, key };
      repositories = {
        stressDiary: createStressDiaryRepository(db, clock),
        thoughtRecords: createThoughtRecordRepository(db, clock),
        checkins: createCheckinRepository(db, clock),
        course: createCourseRepository(db, clock),
        rooms: createRoomRepository(db),
        diarySearch: createDiarySearchRepository(db),
        library: createLibraryRepository(db, clock),
        shareHistory: createShareHistoryRepository(db, clock),
        reminders: createReminderRepository(db, clock),
      };
      openProblem = undefined;
      autoLock = readAutoLock(db);
      lastActivity = clock.now();
      return status();
    } catch (error) {
      key.fill(0);
      if (error instanceof VaultOpenError) {
        openProblem = { code: error.problem, message: error.message };
        return status();
      }
      throw error;
    }
  }

  /** Unwraps with a person's secret, counting wrong tries for the gentle rate limit. */
  async function unwrapThrottled(
    wrapped: WrappedKey | undefined,
    unwrap: (wrapped: WrappedKey) => Promise<Uint8Array>,
    wrongMessage: string,
  ): Promise<Buffer> {
    const wait = throttle.waitMs();
    if (wait > 0) {
      throw new ApiFailure(
        'rate_limited',
        `Please wait ${Math.ceil(wait / 1000)} seconds before trying again.`,
      );
    }
    if (!wrapped) throw new ApiFailure('not_found', 'This vault cannot be opened that way.');
    try {
      const key = Buffer.from(await unwrap(wrapped));
      throttle.succeeded();
      return key;
    } catch (error) {
      if (!(error instanceof WrongSecretError)) throw error;
      throttle.failed();
      throw new ApiFailure('wrong_secret', wrongMessage);
    }
  }

  async function newRecoveryProtector(key: Uint8Array) {
    const recoveryCode = formatRecoveryCode(randomBytes(16));
    const wrapped = await recoveries.wrap(key, normaliseRecoveryCode(recoveryCode) as string);
    return { recoveryCode, wrapped };
  }

  function lock(reason: LockReason): VaultStatus {
    void reason;
    if (open) {
      open.db.close();
      open.key.fill(0);
      open = undefined;
      repositories = undefined;
    }
    return status();
  }

  function requireOpen(): { db: VaultDatabase; key: Buffer } {
    if (!open) throw new ApiFailure('locked', 'Stillroom is locked. Unlock it to continue.');
    return open;
  }

  /** One of the open vault's repositories; `locked` when the vault is not open. */
  function repository<K extends keyof NonNullable<typeof repositories>>(
    name: K,
  ): NonNullable<typeof repositories>[K] {
    requireOpen();
    return (repositories as NonNullable<typeof repositories>)[name];
  }

  return {
    status,

    async create(passphrase, useKeychain) {
      if (existsSync(keyringPath) || existsSync(dbPath)) {
        throw new ApiFailure('conflict', 'A vault already exists in this data folder.');
      }
      const key = randomBytes(32);
      const creating = join(dataDir, CREATING_FILE);
      rmSync(creating, { force: true });
      try {
        openVaultDatabase(creating, key, { create: true }).close();
      } catch (error) {
        throw (
          storageFailure(error) ??
          (error instanceof VaultOpenError ? new ApiFailure('storage_failed', error.message) : error)
        );
      }
      const [wrappedPassphrase, recovery] = await Promise.all([
        passphrases.wrap(key, passphrase),
        newRecoveryProtector(key),
      ]);
      let keyring: Keyring = { format: 1, protectors: [wrappedPassphrase, recovery.wrapped] };
      const keychain = options.keychain?.availability();
      if (useKeychain && options.keychain && keychain?.available) {
        keyring = {
          ...withProtector(keyring, await options.keychain.wrap(key)),
          keychainBackend: keychain.backend,
        };
      }
      saveKeyring(keyring);
      renameSync(creating, dbPath);
      openWith(key);
      return { recoveryCode: recovery.recoveryCode };
    },

    async unlock(request) {
      if (open) return status();
      const keyring = requireKeyring();
      let key: Buffer;
      if (request.method === 'keychain') {
        const wrapped = findProtector(keyring, 'keychain');
        if (!options.keychain || !wrapped || keychainState(keyring).changed) {
          throw new ApiFailure(
            'unavailable',
            'The system keychain cannot open Stillroom here. Use your passphrase.',
          );
        }
        key = Buffer.from(await options.keychain.unwrap(wrapped));
      } else {
        key = await unwrapThrottled(
          findProtector(keyring, 'passphrase'),
          (wrapped) => passphrases.unwrap(wrapped, request.passphrase),
          'That passphrase does not match. Check Caps Lock and try again.',
        );
      }
      return openWith(key);
    },

    lock,

    async changePassphrase(current, next) {
      const keyring = requireKeyring();
      const key = await unwrapThrottled(
        findProtector(keyring, 'passphrase'),
        (wrapped) => passphrases.unwrap(wrapped, current),
        'Your current passphrase does not match, so it was not changed.',
      );
      saveKeyring(withProtector(keyring, await passphrases.wrap(key, next)));
      key.fill(0);
      return status();
    },

    async recover(recoveryCode, newPassphrase) {
      const keyring = requireKeyring();
      const code = normaliseRecoveryCode(recoveryCode);
      const wrong = 'That recovery code does not match. Check each group of letters and numbers.';
      if (!code) {
        throw new ApiFailure('wrong_secret', wrong);
      }
      const key = await unwrapThrottled(
        findProtector(keyring, 'recovery'),
        (wrapped) => recoveries.unwrap(wrapped, code),
        wrong,
      );
      // The code is used up: a new one replaces it, shown once.
      const [wrappedPassphrase, recovery] = await Promise.all([
        passphrases.wrap(key, newPassphrase),
        newRecoveryProtector(key),
      ]);
      saveKeyring(withProtector(withProtector(keyring, wrappedPassphrase), recovery.wrapped));
      if (!open) openWith(key);
      return { recoveryCode: recovery.recoveryCode };
    },

    async setKeychain(enabled) {
      const { key } = requireOpen();
      const keyring = requireKeyring();
      if (!enabled) {
        const { keychainBackend: _dropped, ...rest } = keyring;
        saveKeyring({ ...rest, protectors: keyring.protectors.filter((p) => p.kind !== 'keychain') });
        return status();
      }
      const availability = options.keychain?.availability();
      if (!options.keychain || !availability?.available) {
        throw new ApiFailure(
          'unavailable',
          'No system keychain is available here, so your passphrase stays the way in.',
        );
      }
      saveKeyring({
        ...withProtector(keyring, await options.keychain.wrap(key)),
        keychainBackend: availability.backend,
      });
      return status();
    },

    setAutoLock(minutes) {
      const { db } = requireOpen();
      try {
        db.prepare(
          `INSERT INTO vault_settings (key, value) VALUES ('autoLockMinutes', ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        ).run(String(minutes));
      } catch (error) {
        throw storageFailure(error) ?? error;
      }
      autoLock = minutes;
      return status();
    },

    async backup(passphrase) {
      const { db, key } = requireOpen();
      const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
      // Encrypted under the backup's own key; read back at once and removed.
      const temp = join(dataDir, `.backup-${stamp}.db`);
      const backupKey = randomBytes(32);
      try {
        exportDatabase(db, key, temp, backupKey);
        return await backupFileBytes(
          readFileSync(temp),
          backupKey,
          LATEST_SCHEMA_VERSION,
          passphrase,
          passphrases,
        );
      } catch (error) {
        throw storageFailure(error) ?? error;
      } finally {
        rmSync(temp, { force: true });
        backupKey.fill(0);
      }
    },

    async restore(file, passphrase, replaceExisting) {
      const { backupKey, database } = await readBackupFile(file, passphrase, passphrases);
      const exists = existsSync(dbPath) || existsSync(keyringPath);
      if (exists && !replaceExisting) {
        throw new ApiFailure(
          'conflict',
          'There is already a vault here. Confirm that you want to replace it: it will be kept as a safety copy, not deleted.',
        );
      }
      const incoming = join(dataDir, `.restore-${clock.now()}.db`);
      try {
        writeFileAtomic(incoming, database);
        const checked = inspectDatabase(incoming, backupKey);
        if (!checked.intact)
          throw new ApiFailure(
            'tampered',
            'This backup could not be read back intact, so it was not restored.',
          );
        if (checked.version > LATEST_SCHEMA_VERSION) {
          throw new ApiFailure(
            'unavailable',
            'This backup was made by a newer version of Stillroom. Update Stillroom first.',
          );
        }
        lock('manual');
        let safetyCopy: string | undefined;
        if (exists) {
          safetyCopy = join(
            dataDir,
            'safety-copies',
            new Date(clock.now()).toISOString().replace(/[:.]/g, '-'),
          );
          mkdirSync(safetyCopy, { recursive: true, mode: 0o700 });
          for (const name of [VAULT_FILE, `${VAULT_FILE}-wal`, `${VAULT_FILE}-shm`, KEYRING_FILE]) {
            if (existsSync(join(dataDir, name))) renameSync(join(dataDir, name), join(safetyCopy, name));
          }
        }
        const key = Buffer.from(backupKey);
        const [wrappedPassphrase, recovery] = await Promise.all([
          passphrases.wrap(key, passphrase),
          newRecoveryProtector(key),
        ]);
        saveKeyring({ format: 1, protectors: [wrappedPassphrase, recovery.wrapped] });
        renameSync(incoming, dbPath);
        openProblem = undefined;
        openWith(key);
        return { recoveryCode: recovery.recoveryCode, safetyCopy };
      } catch (error) {
        throw storageFailure(error) ?? error;
      } finally {
        rmSync(incoming, { force: true });
      }
    },

    touch() {
      lastActivity = clock.now();
    },

    lockIfIdle() {
      if (!open || !idleLockDue(lastActivity, clock.now(), autoLock)) return false;
      lock('idle');
      return true;
    },

    stressDiary: () => repository('stressDiary'),
    checkins: () => repository('checkins'),
    course: () => repository('course'),
    rooms: () => repository('rooms'),
    thoughtRecords: () => repository('thoughtRecords'),
    diarySearch: () => repository('diarySearch'),
    shareHistory: () => repository('shareHistory'),
    reminders: () => repository('reminders'),
    library: () => repository('library'),

    close() {
      lock('manual');
    },
  };
}
