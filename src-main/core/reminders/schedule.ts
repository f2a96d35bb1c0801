import { DateTime } from 'luxon';
import type {
  NotificationTarget,
  QuietHours,
  ReminderRule,
  Snooze,
  SnoozeChoice,
} from '../../contract/reminders';
import { occurrences, type RecurringTime } from './recurrence';

/**
 * The reminder schedule, pure: given the rules, the user's quiet hours, pause and snooze, and the
 * time zone, when does Stillroom speak up? No clock is read here; callers pass `now` and `zone`.
 */

export interface MondaySchedule {
  enabled: boolean;
  time: string;
  /** "YYYY-MM-DD": the first Monday on or after opting in. */
  startsOn: string | null;
}

export interface ScheduleInput {
  rules: readonly ReminderRule[];
  quietHours: QuietHours | null;
  pausedUntil: string | null;
  snooze: Snooze | null;
  monday: MondaySchedule;
  /** The IANA zone the user is in now; rules follow its wall clock. */
  zone: string;
}

export interface PlannedFire {
  at: number;
  target: NotificationTarget;
  /** The rule's id, 'monday' or 'snooze'. */
  source: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Quiet hours can hold a time back by up to a day, so look that far behind a window. */
const QUIET_LOOKBACK_MS = DAY_MS;
/** After a long sleep only the latest missed time matters; a week back is plenty to find it. */
export const CATCH_UP_WINDOW_MS = 8 * DAY_MS;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** True when a wall-clock minute of the day falls in quiet hours (which may cross midnight). */
export function inQuietHours(quiet: QuietHours | null, minute: number): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** An instant in quiet hours moves to when they end (held, not lost); others stay. */
export function afterQuietHours(at: number, quiet: QuietHours | null, zone: string): number {
  if (!quiet) return at;
  const local = DateTime.fromMillis(at, { zone });
  if (!inQuietHours(quiet, local.hour * 60 + local.minute)) return at;
  const endMinute = minutesOf(quiet.end);
  let end = local.set({
    hour: Math.floor(endMinute / 60),
    minute: endMinute % 60,
    second: 0,
    millisecond: 0,
  });
  if (end.toMillis() <= at) end = end.plus({ days: 1 });
  return end.toMillis();
}

function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate() as string;
}

function recurringOf(rule: ReminderRule): RecurringTime {
  return { frequency: rule.frequency, time: rule.time, startDate: rule.startDate, endDate: rule.endDate };
}

/**
 * Every notification due in (from, to], quiet hours and pause applied, earliest first. A rule
 * only counts from when it was last saved, so editing it never fires times from before the edit.
 */
export function plannedFires(input: ScheduleInput, from: number, to: number): PlannedFire[] {
  const raw: PlannedFire[] = [];
  const lookFrom = from - QUIET_LOOKBACK_MS;
  for (const rule of input.rules) {
    if (!rule.enabled) continue;
    const since = Math.max(lookFrom, Date.parse(rule.updatedAt));
    for (const at of occurrences(recurringOf(rule), input.zone, since, to)) {
      raw.push({ at, target: rule.target, source: rule.id });
    }
  }
  const { monday } = input;
  if (monday.enabled && monday.startsOn) {
    const weekly: RecurringTime = {
      frequency: { kind: 'weekly', days: ['mon'] },
      time: monday.time,
      startDate: monday.startsOn,
      endDate: null,
    };
    for (const at of occurrences(weekly, input.zone, lookFrom, to)) {
      raw.push({ at, target: 'monday', source: 'monday' });
    }
  }
  if (input.snooze) {
    const at = Date.parse(input.snooze.until);
    if (at > lookFrom && at <= to) raw.push({ at, target: input.snooze.target, source: 'snooze' });
  }

  const fires = raw
    .map((fire) => ({ ...fire, at: afterQuietHours(fire.at, input.quietHours, input.zone) }))
    .filter((fire) => fire.at > from && fire.at <= to)
    .filter((fire) => !input.pausedUntil || localDate(fire.at, input.zone) >= input.pausedUntil)
    .sort((a, b) => a.at - b.at || a.source.localeCompare(b.source));
  // Two rules held to the same moment (say, by quiet hours) make one notification, not two.
  return fires.filter((fire, index) => index === 0 || fires[index - 1]?.at !== fire.at);
}

/**
 * The next `count` notifications after `now`, looking up to `horizonDays` ahead. The window
 * widens step by step, so the usual case (something within a week) never expands a year of times.
 */
export function upcomingFires(
  input: ScheduleInput,
  now: number,
  count: number,
  horizonDays = 400,
): PlannedFire[] {
  let found: PlannedFire[] = [];
  for (const days of [8, 40, horizonDays]) {
    found = plannedFires(input, now, now + Math.min(days, horizonDays) * DAY_MS);
    if (found.length >= count || days >= horizonDays) break;
  }
  return found.slice(0, count);
}

/** When one rule will next speak up (its own times only), or null if never again. */
export function nextFireOf(input: ScheduleInput, ruleId: string, now: number): number | null {
  const rule = input.rules.find((candidate) => candidate.id === ruleId);
  if (!rule?.enabled) return null;
  const alone = { ...input, rules: [rule], snooze: null, monday: { ...input.monday, enabled: false } };
  return upcomingFires(alone, now, 1)[0]?.at ?? null;
}

/**
 * What to show now, having last looked at `lastChecked`: at most ONE notification however many
 * times were missed (asleep, app closed), so a return after days away is one gentle note, never
 * a burst. It stands for the most recent missed time.
 */
export function dueNow(
  input: ScheduleInput,
  lastChecked: number,
  now: number,
): { fire: PlannedFire | null; coalesced: number } {
  const from = Math.max(lastChecked, now - CATCH_UP_WINDOW_MS);
  const due = plannedFires(input, from, now);
  return { fire: due[due.length - 1] ?? null, coalesced: due.length };
}

/** When a snoozed notification comes back: in 10 minutes, in an hour, or tomorrow at this time. */
export function snoozeUntil(choice: SnoozeChoice, now: number, zone: string): number {
  switch (choice) {
    case '10m':
      return now + 10 * 60_000;
    case '1h':
      return now + HOUR_MS;
    case 'tomorrow':
      return DateTime.fromMillis(now, { zone }).plus({ days: 1 }).toMillis();
  }
}

/** The first Monday on or after a day: week 1 of the Monday messages. */
export function firstMondayFrom(at: number, zone: string): string {
  const local = DateTime.fromMillis(at, { zone }).startOf('day');
  return local.plus({ days: (8 - local.weekday) % 7 }).toISODate() as string;
}

/**
 * This week's Monday message (1–52), or null before the first Monday after opting in. The
 * messages follow the calendar year (week 1 starts the year gently, later weeks speak of lighter
 * or darker mornings), so the message is the ISO week of the year in the user's zone, in order
 * from whichever week they join; in a year with 53 ISO weeks, week 52's message stays a second week.
 */
export function mondayWeek(startsOn: string, now: number, zone: string): number | null {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const first = DateTime.fromISO(startsOn, { zone });
  if (today < first) return null;
  return Math.min(today.weekNumber, 52);
}

/** Today's date in the zone, "YYYY-MM-DD". */
export function todayIn(now: number, zone: string): string {
  return localDate(now, zone);
}

/** The calendar day after `now` in `zone`: not `now` + 24 hours, which a DST change can shift. */
export function tomorrowIn(now: number, zone: string): string {
  return DateTime.fromMillis(now, { zone }).plus({ days: 1 }).toISODate() as string;
}
