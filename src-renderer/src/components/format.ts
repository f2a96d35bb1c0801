/**
 * Every date and time the renderer shows goes through here, so one kind of date reads one way
 * everywhere, in the computer's own language and region (navigator.language: Electron passes the
 * OS locale on). Examples are en-GB; en-US gets "Dec 2, 2026", "9:30 AM" and so on.
 */

type When = Date | string | number;

/** Extra choices a caller may need: a reminder is shown in its own zone, a shared report in UTC. */
export interface FormatOptions {
  timeZone?: string;
  /** Another locale than the computer's: only tests need this (see setFormatLocale). */
  locale?: string;
}

const KINDS = {
  /** "2 Dec 2026" */
  day: { dateStyle: 'medium' },
  /** "2 Dec": for lists inside the current year or so. */
  dayShort: { day: 'numeric', month: 'short' },
  /** "Wed 2 Dec": a day of a week. */
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
  /** "Wednesday 2 December": in a sentence. */
  dayLong: { weekday: 'long', day: 'numeric', month: 'long' },
  /** "09:30" */
  time: { timeStyle: 'short' },
  /** "2 Dec 2026, 09:30" */
  dayTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "December 2026" */
  month: { month: 'long', year: 'numeric' },
  /** "December": in a sentence about this year. */
  monthName: { month: 'long' },
  /** "Wednesday": in a sentence about this week. */
  weekdayName: { weekday: 'long' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Kind = keyof typeof KINDS;

let forcedLocale: string | undefined;

/** For tests: format as if the computer were set to `locale` (undefined goes back to the OS). */
export function setFormatLocale(locale: string | undefined): void {
  forcedLocale = locale;
}

function currentLocale(): string | undefined {
  if (forcedLocale) return forcedLocale;
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

// Building an Intl.DateTimeFormat is slow next to using one, and lists format hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: Kind, options: FormatOptions): Intl.DateTimeFormat {
  const locale = options.locale ?? currentLocale();
  const key = `${locale ?? ''}|${options.timeZone ?? ''}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...KINDS[kind], timeZone: options.timeZone });
    formatters.set(key, found);
  }
  return found;
}

function format(kind: Kind, when: When, options: FormatOptions = {}): string {
  return formatter(kind, options).format(new Date(when));
}

/** "2 Dec 2026" */
export const formatDay = (when: When, options?: FormatOptions) => format('day', when, options);
/** "2 Dec" */
export const formatDayShort = (when: When, options?: FormatOptions) => format('dayShort', when, options);
/** "Wed 2 Dec" */
export const formatWeekday = (when: When, options?: FormatOptions) => format('weekday', when, options);
/** "Wednesday 2 December" */
export const formatDayLong = (when: When, options?: FormatOptions) => format('dayLong', when, options);
/** "09:30" (or "9:30 AM" where the region reads the clock that way) */
export const formatTime = (when: When, options?: FormatOptions) => format('time', when, options);
/** "2 Dec 2026, 09:30" */
export const formatDayTime = (when: When, options?: FormatOptions) => format('dayTime', when, options);
/** "December 2026" */
export const formatMonth = (when: When, options?: FormatOptions) => format('month', when, options);
export const formatMonthName = (when: When, options?: FormatOptions) => format('monthName', when, options);
export const formatWeekdayName = (when: When, options?: FormatOptions) =>
  format('weekdayName', when, options);

/**
 * "Thu 26 Nov, 09:30": a moment in a week, such as the next reminder. Intl cannot put a weekday
 * next to the short time style, so the two are joined, and the time reads as `formatTime` does.
 */
export function formatWeekdayTime(when: When, options?: FormatOptions): string {
  return `${formatWeekday(when, options)}, ${formatTime(when, options)}`;
}

/*
 * A calendar day written as "YYYY-MM-DD" (a content date, a reminder's start day) is read as that
 * day wherever the computer is: noon in UTC, formatted in UTC, never shifted to the day before.
 */
const calendar = (date: string) => new Date(`${date}T12:00:00Z`);

/** "2 Dec 2026" for "2026-12-02" */
export const formatCalendarDay = (date: string) => formatDay(calendar(date), { timeZone: 'UTC' });
/** "Wednesday 2 December" for "2026-12-02" */
export const formatCalendarDayLong = (date: string) => formatDayLong(calendar(date), { timeZone: 'UTC' });
