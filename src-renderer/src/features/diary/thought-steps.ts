/** The thought record's steps: their headings, the full and the 5-minute order. */
export const STEPS = {
  situation: 'The situation',
  thoughts: 'Automatic thoughts',
  emotions: 'Feelings',
  traps: 'Thinking traps',
  for: 'Evidence for the thought',
  against: 'Evidence against the thought',
  balanced: 'A balanced thought',
  rerate: 'Rate it again',
} as const;
export type StepKey = keyof typeof STEPS;
export const FULL: StepKey[] = [
  'situation',
  'thoughts',
  'emotions',
  'traps',
  'for',
  'against',
  'balanced',
  'rerate',
];
export const SHORT: StepKey[] = ['situation', 'thoughts', 'balanced'];

/** Which step holds the field an error names. */
export function stepOf(path: string): StepKey {
  const root = path.split('.')[0];
  if (root === 'automaticThoughts') return 'thoughts';
  if (root === 'emotions') return 'emotions';
  if (root === 'thinkingTraps') return 'traps';
  if (root === 'evidenceFor') return 'for';
  if (root === 'evidenceAgainst') return 'against';
  if (root === 'balancedThought') return 'balanced';
  if (root === 'rerated') return 'rerate';
  return 'situation';
}
