import { formatWeekday } from '../../components/format';

/** Midnight on the Monday that starts the local week holding `date`. */
export function startOfWeek(date: Date): Date {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day;
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

/** "This week", "Last week" or "Week of 2 Nov", with the dates it covers. */
export function weekLabel(start: Date, now = new Date()): { name: string; range: string } {
  const weeks = Math.round((startOfWeek(now).getTime() - start.getTime()) / (7 * 24 * 3600 * 1000));
  const range = `${formatWeekday(start)} – ${formatWeekday(addDays(start, 6))}`;
  const name = weeks === 0 ? 'This week' : weeks === 1 ? 'Last week' : `Week of ${formatWeekday(start)}`;
  return { name, range };
}
