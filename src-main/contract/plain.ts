/**
 * The parts of the contract the renderer needs at run time, without zod. Building the zod schemas
 * costs the page tens of milliseconds at start-up and a third of its JavaScript, and the page
 * never validates anything itself (main and the host do). The schemas in api.ts and events.ts
 * check at compile time that these lists match them exactly.
 */
export { ApiFailure, ERROR_CODES, fail, MAX_PAYLOAD_BYTES, ok } from './result';

export const THEMES = ['system', 'light', 'dark'] as const;
export const HOST_KINDS = ['electron', 'browser'] as const;
export const PASSPHRASE_MIN_LENGTH = 8;
/** Passphrases the user types themselves for a file must be at least this long (suggested ones are longer). */
export const SHARE_PASSPHRASE_MIN_LENGTH = 16;
export const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 30, 60] as const;
/** What a person types to confirm erasing everything (a typed word, not a click, so it is meant). */
export const ERASE_CONFIRMATION = 'ERASE';
export const CHECKIN_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'on-demand'] as const;

/** Days between scheduled check-ins; on demand has none. */
export const CHECKIN_PERIOD_DAYS = { weekly: 7, fortnightly: 14, monthly: 30 } as const;

/**
 * Whether a check-in can be scheduled this often: never more often than the questions' recall
 * period, or two results would cover the same days (PSS-10 asks about the last month, so weekly
 * would count one hard week four times). Allowed when the period is at least the recall period;
 * on demand is always allowed.
 */
export function checkinFrequencyAllowed(
  frequency: (typeof CHECKIN_FREQUENCIES)[number],
  recallDays: number | null,
): boolean {
  if (frequency === 'on-demand' || recallDays === null) return true;
  return CHECKIN_PERIOD_DAYS[frequency] >= recallDays;
}

/** What a user can say brings them here (onboarding); course and library tailor to these. */
export const FOCUS_AREAS = [
  'stress',
  'worry',
  'low-mood',
  'sleep',
  'workload',
  'boundaries',
  'relationships',
  'wellbeing',
] as const;

/** Onboarding: time in a typical week for the course, and the kind of support the user prefers. */
export const COURSE_WEEKLY_MINUTES = [10, 20, 30, 60] as const;
/** How much contact the user wants from a coach (the study found this is personal). */
export const SUPPORT_PREFERENCES = ['on-my-own', 'coach-on-request', 'coach-checks-in'] as const;
/** The course's onboarding asks the same question as the share flow, in the same words. */
export const COURSE_SUPPORT_KINDS = SUPPORT_PREFERENCES;

/** The library's shelves for browsing by topic. */
export const LIBRARY_TOPICS = [
  'stress-and-body',
  'thoughts-and-feelings',
  'sleep',
  'work',
  'people',
  'life',
  'wellbeing',
  'getting-help',
] as const;

/** Where a reminder the user sets leads: a quick room session, their check-ins, or just Stillroom. */
export const REMINDER_TARGETS = ['room', 'checkin', 'open'] as const;
/** Where a notification leads: a reminder's target, or the Monday message. */
export const NOTIFICATION_TARGETS = [...REMINDER_TARGETS, 'monday'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SNOOZE_CHOICES = ['10m', '1h', 'tomorrow'] as const;
/**
 * The only words a notification ever shows: fixed, discreet, never anything the user wrote (a
 * test sends rules full of the user's words through the runner and checks for them).
 */
export const NOTIFICATION_TEXT = {
  title: 'Stillroom',
  body: {
    room: 'Your planned moment is ready',
    checkin: 'Your check-in is ready when you are',
    open: 'Your planned moment is ready',
    monday: 'A new Monday message is here',
  },
} as const;

export const CALL_NAMES = [
  'app.info',
  'app.activity',
  'settings.get',
  'settings.update',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.changePassphrase',
  'vault.recover',
  'vault.setAutoLock',
  'vault.setKeychain',
  'vault.backup',
  'vault.saveRecoveryCode',
  'vault.restore',
  'diary.save',
  'diary.list',
  'diary.delete',
  'diary.restore',
  'diary.search',
  'thoughts.traps',
  'thoughts.save',
  'thoughts.get',
  'thoughts.list',
  'thoughts.delete',
  'thoughts.restore',
  'policy.get',
  'help.resources',
  'help.setCountry',
  'measures.list',
  'measures.get',
  'measures.submit',
  'measures.history',
  'checkins.getPlan',
  'checkins.setPlan',
  'safety.getPlan',
  'safety.savePlan',
  'course.overview',
  'course.module',
  'course.openStep',
  'course.saveAnswers',
  'course.completeStep',
  'course.finishModule',
  'course.restartModule',
  'course.getProfile',
  'course.saveProfile',
  'course.setPlan',
  'course.recordTime',
  'library.list',
  'library.article',
  'library.search',
  'library.bookmark',
  'library.readLater',
  'library.markRead',
  'library.forYou',
  'library.importPack',
  'library.packs',
  'rooms.current',
  'rooms.start',
  'rooms.update',
  'rooms.advance',
  'rooms.finish',
  'rooms.summary',
  'rooms.getPrefs',
  'rooms.setPrefs',
  'privacy.getPrefs',
  'privacy.setPrefs',
  'share.sources',
  'share.preview',
  'share.suggestPassphrase',
  'share.export',
  'share.cancel',
  'share.history',
  'share.clearHistory',
  'share.open',
  'reminders.get',
  'reminders.saveRule',
  'reminders.deleteRule',
  'reminders.setPreferences',
  'reminders.snooze',
  'reminders.exportIcs',
  'reminders.setLaunchAtLogin',
  'monday.get',
  'monday.setPreferences',
  'files.chooseOpen',
  'files.chooseSave',
  'files.reveal',
  'data.overview',
  'data.exportAll',
  'data.eraseAll',
  'drafts.get',
  'drafts.save',
  'drafts.clear',
] as const;

export const EVENT_NAMES = [
  'app.locked',
  'room.hide',
  'privacy.changed',
  'privacy.keyPressed',
  'settings.changed',
  'share.progress',
  'reminder.fired',
  'reminder.open',
] as const;

export const SUPPORT_PREFERENCE_LABELS: Record<(typeof SUPPORT_PREFERENCES)[number], string> = {
  'on-my-own': 'I would rather work on my own',
  'coach-on-request': 'I would like a coach I can contact when I ask',
  'coach-checks-in': 'I would like a coach who checks in with me',
};
/** The steps of an export, in order, for its progress bar. */
export const SHARE_STAGES = [
  'preparing',
  'protecting',
  'encrypting',
  'writing',
  'done',
  'cancelled',
  'failed',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** True when A and B are the same set of string literals: used to tie the lists to the schemas. */
export type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export * from './rooms-plain';
export * from './files-plain';
