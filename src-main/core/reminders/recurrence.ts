import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import type { ReminderFrequency, Weekday } from '../../contract/reminders';

/**
 * Recurrence with two well-kept libraries, each doing what it is best at:
 * - `rrule` (RFC 5545 recurrence rules) expands a rule in *floating* wall-clock time: "every
 *   Monday and Thursday at 09:00", with no zone at all. The same rule becomes the RRULE of the
 *   .ics export, so the calendar and the reminders cannot disagree.
 * - `luxon` (IANA time zones) turns each wall-clock time into an instant in the user's current
 *   zone, so 09:00 stays 09:00 across daylight-saving changes and when the user travels.
 * rrule's own TZID support leans on the host's Intl and has known DST bugs; floating time avoids it.
 */

// rrule ships CommonJS (UMD) whose named exports Node's ESM loader cannot see; bundlers can.
const { RRule } = ((rruleModule as unknown as { default?: typeof rruleModule }).default ??
  rruleModule) as typeof rruleModule;

const RRULE_DAYS: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const DAY_MS = 86_400_000;

export interface RecurringTime {
  frequency: ReminderFrequency;
  /** "HH:MM", wall clock. */
  time: string;
  /** "YYYY-MM-DD": first day it may fire. */
  startDate: string;
  /** "YYYY-MM-DD": last day it may fire (inclusive), or null. */
  endDate: string | null;
}

/** A wall-clock moment as rrule's floating `Date`: its UTC fields are the wall clock. */
function floating(date: string, time: string): Date {
  return new Date(`${date}T${time}:00Z`);
}

function floatingOf(at: DateTime): Date {
  return new Date(Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute, at.second));
}

/**
 * The rrule options of a recurring time, without an end (the end is by local date, below).
 * rrule walks from DTSTART, so with `near` the start moves up to just before it by whole
 * periods (weeks, or N days), which keeps every later time the same and each look cheap.
 */
export function rruleOptions(recurring: RecurringTime, near?: Date): Partial<RRuleOptions> {
  const { frequency } = recurring;
  let dtstart = floating(recurring.startDate, recurring.time);
  if (near && near.getTime() > dtstart.getTime()) {
    const period = frequency.kind === 'interval' ? frequency.everyDays : 7;
    const periods = Math.floor((near.getTime() - dtstart.getTime()) / (period * DAY_MS));
    dtstart = new Date(dtstart.getTime() + periods * period * DAY_MS);
  }
  switch (frequency.kind) {
    case 'weekly':
      return { freq: RRule.WEEKLY, byweekday: frequency.days.map((day) => RRULE_DAYS[day]), dtstart };
    case 'weekdays':
      return { freq: RRule.WEEKLY, byweekday: [0, 1, 2, 3, 4], dtstart };
    case 'interval':
      return { freq: RRule.DAILY, interval: frequency.everyDays, dtstart };
  }
}

/** The RRULE line's value (no DTSTART), e.g. "FREQ=WEEKLY;BYDAY=MO,TH", with UNTIL in UTC. */
export function rruleText(recurring: RecurringTime, zone: string): string {
  const { dtstart: _start, ...options } = rruleOptions(recurring);
  const until = recurring.endDate
    ? DateTime.fromISO(`${recurring.endDate}T23:59:59`, { zone }).toUTC().toJSDate()
    : undefined;
  return RRule.optionsToString({ ...options, ...(until ? { until } : {}) }).replace(/^RRULE:/, '');
}

/** The instant of a wall-clock time in a zone. A time skipped by DST moves forward an hour. */
export function instantOf(date: string, time: string, zone: string): number {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

/**
 * Instants in (from, to] at which a recurring time falls, in `zone`. The window is widened by a
 * day each side in floating time (zones are at most 14 hours from UTC) and filtered exactly.
 */
export function occurrences(recurring: RecurringTime, zone: string, from: number, to: number): number[] {
  if (to <= from) return [];
  const start = floatingOf(DateTime.fromMillis(from, { zone }));
  const rule = new RRule(rruleOptions(recurring, new Date(start.getTime() - 2 * DAY_MS)));
  const end = floatingOf(DateTime.fromMillis(to, { zone }));
  const found: number[] = [];
  for (const wall of rule.between(
    new Date(start.getTime() - DAY_MS),
    new Date(end.getTime() + DAY_MS),
    true,
  )) {
    const date = wall.toISOString().slice(0, 10);
    if (recurring.endDate && date > recurring.endDate) continue;
    const at = instantOf(date, wall.toISOString().slice(11, 16), zone);
    if (at > from && at <= to) found.push(at);
  }
  return found;
}
