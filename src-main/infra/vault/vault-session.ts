import { ApiFailure } from '../../contract';
import type { Clock } from '../../core/clock';
import { idleLockDue } from '../../core/vault/idle-lock';
import { openVaultDatabase, VaultOpenError, type VaultDatabase } from './database';
import { createCheckinRepository } from './repositories/checkin-repository';
import { createCourseRepository } from './repositories/course-repository';
import { createDraftRepository } from './repositories/draft-repository';
import { createDiarySearchRepository } from './repositories/diary-search-repository';
import { createLibraryRepository } from './repositories/library-repository';
import { createPreferencesRepository } from './repositories/preferences-repository';
import { createReminderRepository } from './repositories/reminder-repository';
import { createRoomRepository } from './repositories/room-repository';
import { createShareHistoryRepository } from './repositories/share-history-repository';
import { createStressDiaryRepository } from './repositories/stress-diary-repository';
import { createThoughtRecordRepository } from './repositories/thought-record-repository';
import { storageFailure } from './storage-errors';
import type { Problem } from './vault-files';

function openRepositories(db: VaultDatabase, clock: Clock) {
  return {
    stressDiary: createStressDiaryRepository(db, clock),
    thoughtRecords: createThoughtRecordRepository(db, clock),
    checkins: createCheckinRepository(db, clock),
    course: createCourseRepository(db, clock),
    rooms: createRoomRepository(db),
    diarySearch: createDiarySearchRepository(db),
    library: createLibraryRepository(db, clock),
    shareHistory: createShareHistoryRepository(db, clock),
    reminders: createReminderRepository(db, clock),
    preferences: createPreferencesRepository(db),
    drafts: createDraftRepository(db, clock),
  };
}

export type Repositories = ReturnType<typeof openRepositories>;
export type VaultSession = ReturnType<typeof createVaultSession>;

/**
 * The open database and its key while unlocked, and the idle time that locks it. Holding the
 * key and the connection together means locking closes one and zeroes the other, always both.
 */
export function createVaultSession(options: {
  dbPath: string;
  clock: Clock;
  defaultAutoLockMinutes: number;
  nativeBinding?: string;
}) {
  const { dbPath, clock, defaultAutoLockMinutes } = options;
  /** Counts locks, so an operation that started before one can tell it must not open. */
  let epoch = 0;
  let open: { db: VaultDatabase; key: Buffer; repositories: Repositories } | undefined;
  /** The last reason an unlock could not open the database, shown until something changes. */
  let openProblem: Problem | undefined;
  let lastActivity = clock.now();
  let autoLock = defaultAutoLockMinutes;

  /** Read once at unlock (a failing read must never leave the vault half-open), kept while locked. */
  function readAutoLock(db: VaultDatabase): number {
    try {
      const row = db
        .prepare<[], { value: string }>(`SELECT value FROM vault_settings WHERE key = 'autoLockMinutes'`)
        .get();
      const value = row ? Number(row.value) : defaultAutoLockMinutes;
      return Number.isInteger(value) && value >= 0 ? value : defaultAutoLockMinutes;
    } catch {
      return defaultAutoLockMinutes;
    }
  }

  function requireOpen(): { db: VaultDatabase; key: Buffer; repositories: Repositories } {
    if (!open) throw new ApiFailure('locked', 'Stillroom is locked. Unlock it to continue.');
    return open;
  }

  function lock(): void {
    epoch += 1;
    if (!open) return;
    open.db.close();
    open.key.fill(0);
    open = undefined;
  }

  return {
    isOpen: () => open !== undefined,
    epoch: () => epoch,
    problem: () => openProblem,
    clearProblem(): void {
      openProblem = undefined;
    },
    autoLockMinutes: () => autoLock,
    requireOpen,
    lock,

    /**
     * Opens the database with `key`, which the session then owns (zeroed at lock, or now if it
     * does not open). A database that will not open is remembered as the vault's problem. With
     * `since`, nothing opens if the vault was locked after that epoch, or is already open.
     * Returns whether it opened.
     */
    openWith(key: Buffer, since: number = epoch): boolean {
      if (open || since !== epoch) {
        key.fill(0);
        return false;
      }
      try {
        const db = openVaultDatabase(dbPath, key, { nativeBinding: options.nativeBinding });
        open = { db, key, repositories: openRepositories(db, clock) };
        openProblem = undefined;
        autoLock = readAutoLock(db);
        lastActivity = clock.now();
        return true;
      } catch (error) {
        key.fill(0);
        if (error instanceof VaultOpenError) {
          openProblem = { code: error.problem, message: error.message };
          return false;
        }
        throw error;
      }
    },

    setAutoLock(minutes: number): void {
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
    },

    touch(): void {
      lastActivity = clock.now();
    },

    lockIfIdle(): boolean {
      if (!open || !idleLockDue(lastActivity, clock.now(), autoLock)) return false;
      lock();
      return true;
    },

    /** One of the open vault's repositories; `locked` when the vault is not open. */
    repository<K extends keyof Repositories>(name: K): Repositories[K] {
      return requireOpen().repositories[name];
    },
  };
}
