import type {
  NotificationTarget,
  ReminderFrequency,
  ReminderTarget,
  Weekday,
} from '../../../../src-main/contract';
import { WEEKDAYS } from '../../../../src-main/contract/plain';
import type { NavTarget } from '../../app/navigation';
import { formatCalendarDayLong, formatWeekdayTime } from '../../components/format';

export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const TARGET_LABELS: Record<ReminderTarget, string> = {
  room: 'A quick session',
  checkin: 'My check-in',
  open: 'Just open Stillroom',
};

const NOTIFICATION_LABELS: Record<NotificationTarget, string> = {
  ...TARGET_LABELS,
  monday: 'The Monday message',
};

export function notificationLabel(target: NotificationTarget): string {
  return NOTIFICATION_LABELS[target];
}

/** "Mondays and Thursdays", "Weekdays", "Every 3 days". */
export function describeFrequency(frequency: ReminderFrequency): string {
  switch (frequency.kind) {
    case 'weekdays':
      return 'Weekdays';
    case 'interval':
      return frequency.everyDays === 1 ? 'Every day' : `Every ${frequency.everyDays} days`;
    case 'weekly': {
      const days = WEEKDAYS.filter((day) => frequency.days.includes(day)).map((day) => `${DAY_NAMES[day]}s`);
      if (days.length === 7) return 'Every day';
      return days.length > 1
        ? `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}`
        : (days[0] ?? '');
    }
  }
}

/** A moment in the user's own zone: "Thu 26 Nov, 09:30". */
export function formatMoment(iso: string, zone: string): string {
  return formatWeekdayTime(iso, { timeZone: zone });
}

/** "Monday 30 November". */
export function formatDay(date: string): string {
  return formatCalendarDayLong(date);
}

/**
 * Where a notification leads. A quick session opens Today's "planned moment" card until session
 * rooms arrive; the lead can point it at the room here, in one place.
 */
export function navTargetOf(target: NotificationTarget): NavTarget {
  switch (target) {
    case 'room':
      return { section: 'today', item: 'planned-moment' };
    case 'checkin':
      return { section: 'checkins' };
    case 'monday':
      return { section: 'reminders', item: 'monday' };
    case 'open':
      return { section: 'today' };
  }
}
