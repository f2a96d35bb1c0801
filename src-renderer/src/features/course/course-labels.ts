import type { CourseStep, CourseSupport, FocusArea } from '../../../../src-main/contract';

/** Friendly words for the focus areas in onboarding (FOCUS_AREAS in contract/plain.ts). */
export const FOCUS_LABELS: Record<FocusArea, string> = {
  stress: 'Feeling stressed or under pressure',
  worry: 'Worrying or going over things',
  'low-mood': 'Feeling low or flat',
  sleep: 'Sleeping badly',
  workload: 'Too much to do at work',
  boundaries: 'Saying no and setting limits',
  relationships: 'Difficult people or conversations',
  wellbeing: 'Looking after my wellbeing',
};

export const SUPPORT_LABELS: Record<CourseSupport, { label: string; hint: string }> = {
  'on-my-own': { label: 'On my own', hint: 'You work through the course by yourself.' },
  'coach-on-request': {
    label: 'With a coach when I ask',
    hint: 'You can share what you choose with a coach, when you want to.',
  },
  'coach-checks-in': {
    label: 'With a coach who checks in',
    hint: 'You plan regular check-ins with a coach and share what you choose.',
  },
};

export const KIND_LABELS: Record<CourseStep['kind'], string> = {
  read: 'Read',
  exercise: 'Exercise',
  reflection: 'Reflection',
  quiz: 'Self-check',
  audio: 'Listen',
  animation: 'Watch',
};

/** "about 3 minutes", "about 1½ minutes". */
export function aboutMinutes(minutes: number): string {
  const whole = Math.floor(minutes);
  const half = minutes - whole >= 0.5 ? '½' : '';
  const shown = whole === 0 ? '½' : `${whole}${half}`;
  return `about ${shown} minute${minutes === 1 ? '' : 's'}`;
}

export function minutesShort(minutes: number): string {
  return `${Math.round(minutes)} min`;
}

/** Time spent, in words: "no time yet", "4 minutes", "1 hour 5 minutes". */
export function timeSpent(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes === 0) return seconds > 0 ? 'under a minute' : 'no time yet';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [];
  if (hours > 0) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (rest > 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

export const STATUS_LABELS = { done: 'Done', 'in-progress': 'In progress', 'to-do': 'Still to do' } as const;
