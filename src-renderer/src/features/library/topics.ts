import type { ForYouReason, LibraryTopic } from '../../../../src-main/contract';
import { formatCalendarDay } from '../../components/format';

/** The shelves, in the words a reader would use. */
export const TOPIC_LABELS: Record<LibraryTopic, string> = {
  'stress-and-body': 'Stress and your body',
  'thoughts-and-feelings': 'Thoughts and feelings',
  sleep: 'Sleep',
  work: 'Work and workload',
  people: 'People at work',
  life: 'Life outside work',
  wellbeing: 'Looking after yourself',
  'getting-help': 'Getting more help',
};

export const REASON_LABELS: Record<ForYouReason, string> = {
  checkin: 'Linked to your last check-in',
  focus: 'Fits what you want to work on',
  course: 'Goes with your course',
  new: 'New in the library',
};

/** "12 March 2026" for a YYYY-MM-DD date, read as a calendar day (not shifted by time zone). */
export function calendarDay(value: string): string {
  return formatCalendarDay(value);
}
