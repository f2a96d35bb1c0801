import type { PreferencesRepository } from '../help/preferences-repository';
import type { VaultStatus } from '../../contract';
import type { DiarySearch } from '../diary/diary-search';
import type { CheckinRepository } from '../checkins/checkin-repository';
import type { CourseRepository } from '../course/course-repository';
import type { LibraryRepository } from '../library/library-repository';
import type { StressDiaryRepository } from '../diary/stress-diary';
import type { ThoughtRecordRepository } from '../thoughts/thought-records';
import type { RoomRepository } from '../rooms/room-repository';
import type { ShareHistoryRepository } from '../share/share-history';
import type { ReminderRepository } from '../reminders/reminder-repository';
import type { DraftRepository } from '../drafts/draft-repository';

/** Which kept copies "erase everything" removes too; the vault and its key always go. */
export interface EraseChoice {
  backups: boolean;
  safetyCopies: boolean;
}

export interface VaultEraseReport {
  erased: ('vault' | 'key' | 'backups' | 'safety-copies')[];
  kept: ('backups' | 'safety-copies')[];
}

export type LockReason = 'idle' | 'screen' | 'suspend' | 'manual';

/**
 * What the Api needs from the vault. The implementation (infra/vault) owns files, SQLite and
 * crypto; the handlers only see this.
 */
export interface VaultService {
  status(): VaultStatus;
  create(passphrase: string, useKeychain: boolean): Promise<{ recoveryCode: string }>;
  unlock(
    request: { method: 'passphrase'; passphrase: string } | { method: 'keychain' },
  ): Promise<VaultStatus>;
  lock(reason: LockReason): VaultStatus;
  changePassphrase(current: string, next: string): Promise<VaultStatus>;
  recover(recoveryCode: string, newPassphrase: string): Promise<{ recoveryCode: string }>;
  setAutoLock(minutes: number): VaultStatus;
  /** Also protect the key with the OS keychain (or stop doing so). Needs the vault unlocked. */
  setKeychain(enabled: boolean): Promise<VaultStatus>;
  /** The whole backup file, encrypted under `passphrase`; the caller writes it where it was asked. */
  backup(passphrase: string): Promise<Uint8Array>;
  /** `file` is a backup's bytes, from wherever the person chose it. */
  restore(
    file: Uint8Array,
    passphrase: string,
    replaceExisting: boolean,
  ): Promise<{ recoveryCode: string; safetyCopy?: string }>;
  /** Any sign of the user; resets the idle timer. */
  touch(): void;
  /** Locks if the idle time has passed; returns true when it did. */
  lockIfIdle(): boolean;
  /** Repositories exist only while unlocked; asking while locked fails with `locked`. */
  stressDiary(): StressDiaryRepository;
  thoughtRecords(): ThoughtRecordRepository;
  checkins(): CheckinRepository;
  /** The course: profile, plan, progress and answers. */
  course(): CourseRepository;
  rooms(): RoomRepository;
  /** Full-text search over the stress diary and the thought records. */
  diarySearch(): DiarySearch;
  /** Bookmarks, reads and the library's search index. */
  library(): LibraryRepository;
  /** What the user has exported for a coach (never the passphrase). */
  shareHistory(): ShareHistoryRepository;
  /** Reminder rules, preferences and history. */
  reminders(): ReminderRepository;
  /** Closes the database, then removes the vault and its key (and the chosen copies): state 'new'. */
  erase(choice: EraseChoice): VaultEraseReport;
  /** How many backups and safety copies sit in their folders. */
  copies(): { backups: number; safetyCopies: number };
  /** Small personal choices, such as the crisis lines' country. */
  preferences(): PreferencesRepository;
  /** Half-typed forms, kept until submitted or set aside. */
  drafts(): DraftRepository;
  close(): void;
}
