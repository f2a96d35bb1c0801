import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { ReminderRule } from '../../contract/reminders';
import type { IcsOptions } from '../../core/reminders/reminder-handlers';
import { instantOf, occurrences, rruleText } from '../../core/reminders/recurrence';
import { vtimezone } from './vtimezone';

/**
 * A reminder rule as an .ics calendar with one recurring event, for the user to import into a
 * work calendar. ical-generator (well kept, RFC 5545) writes it; the RRULE is the very rule the
 * reminders use. Deliberately nothing personal: the title is neutral ("Focus time", editable),
 * there is no description, location or label, and the UID is random per export.
 */
export function buildIcs(rule: ReminderRule, options: IcsOptions): string {
  const recurring = {
    frequency: rule.frequency,
    time: rule.time,
    startDate: rule.startDate,
    endDate: rule.endDate,
  };
  // DTSTART must be the first real occurrence (RFC 5545), not just the first allowed day.
  const dayBefore = instantOf(rule.startDate, '00:00', options.zone) - 1;
  const [first] = occurrences(recurring, options.zone, dayBefore, dayBefore + 400 * 86_400_000);
  const start = DateTime.fromMillis(first ?? instantOf(rule.startDate, rule.time, options.zone), {
    zone: options.zone,
  });
  const calendar = ical({
    // Neutral: the file lands in a work calendar, which should not say which app planned it.
    prodId: { company: 'Calendar', product: 'Focus time', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: options.zone, generator: (zone) => vtimezone(zone, start.year) },
  });
  calendar.createEvent({
    id: crypto.randomUUID(),
    stamp: new Date(options.now),
    start,
    end: start.plus({ minutes: options.minutes }),
    timezone: options.zone,
    summary: options.title,
    repeating: `RRULE:${rruleText(recurring, options.zone)}`,
  });
  return calendar.toString();
}
