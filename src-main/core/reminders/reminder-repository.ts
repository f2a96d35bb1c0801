import type {
  NotificationTarget,
  QuietHours,
  ReminderRule,
  ReminderRuleInput,
  Snooze,
} from '../../contract/reminders';

/** The user's reminder choices, all in one place (kept in the vault). */
export interface ReminderPreferences {
  quietHours: QuietHours | null;
  pausedUntil: string | null;
  snooze: Snooze | null;
  monday: { enabled: boolean; time: string; startsOn: string | null };
  /** The last moment a notification was shown (ISO), or null before the first. */
  lastCheckedAt: string | null;
  /** Keep the next times (only the times) outside the vault, so reminders come while locked. */
  remindWhileLocked: boolean;
  /** The user has answered whether reminders may come while locked (asked once, at the first rule). */
  askedAboutLocked: boolean;
}

export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = {
  quietHours: null,
  pausedUntil: null,
  snooze: null,
  monday: { enabled: false, time: '09:00', startsOn: null },
  lastCheckedAt: null,
  remindWhileLocked: false,
  askedAboutLocked: false,
};

export interface ReminderHistoryEntry {
  id: string;
  firedAt: string;
  target: NotificationTarget;
  coalesced: number;
  delivered: boolean;
}

/** Reminder rules, preferences and history, kept in the vault (the labels are the user's words). */
export interface ReminderRepository {
  rules(): ReminderRule[];
  /** Creates (no id) or replaces a rule; `startDate` must already be filled in. */
  saveRule(rule: ReminderRuleInput & { startDate: string }): ReminderRule;
  /** False when there was no such rule. */
  deleteRule(id: string): boolean;
  preferences(): ReminderPreferences;
  savePreferences(preferences: ReminderPreferences): void;
  recordFire(entry: Omit<ReminderHistoryEntry, 'id'>): ReminderHistoryEntry;
  history(limit: number): ReminderHistoryEntry[];
}
