import {
  completionGaps,
  THOUGHT_LIMITS,
  thoughtRecordInputSchema,
  type DiaryDestination,
  type StepAnswers,
  type StressEntryInput,
  type ThoughtRecordInput,
} from '../../contract';

/*
 * Diary-shaped course steps (content: `"savesTo"`) in diary form. The course asks for a moment in
 * its own fields; these turn the answers into what the diary and the thought records store, so
 * the person finds the moment where a diary moment belongs. Used when a step is finished and by
 * migration 12, which does the same for answers given before steps wrote to the diary.
 *
 * The field ids here are the content's (m1 "start-your-diary", m3 "thought-record");
 * tests/unit/course-diary-steps.test.ts checks that every `savesTo` step has the ones needed.
 */

export const STRESS_DIARY_FIELDS = ['what', 'stress', 'body', 'thoughts', 'actions'] as const;
export const THOUGHT_RECORD_FIELDS = [
  'situation',
  'thought',
  'belief-before',
  'emotions',
  'feeling-before',
  'traps',
  'evidence-for',
  'evidence-against',
  'balanced-thought',
  'belief-after',
  'feeling-after',
] as const;

export const DESTINATION_FIELDS: Record<DiaryDestination, readonly string[]> = {
  'stress-diary': STRESS_DIARY_FIELDS,
  'thought-record': THOUGHT_RECORD_FIELDS,
};

const textOf = (value: StepAnswers[string] | undefined): string =>
  typeof value === 'string' ? value.trim() : '';
const listOf = (value: StepAnswers[string] | undefined): string[] =>
  Array.isArray(value) ? value.map((item) => item.trim()).filter((item) => item !== '') : [];
const numberOf = (value: StepAnswers[string] | undefined): number | null =>
  typeof value === 'number' && Number.isInteger(value) ? value : null;
const percentOf = (value: StepAnswers[string] | undefined): number | null => {
  const n = numberOf(value);
  return n !== null && n >= 0 && n <= 100 ? n : null;
};

/** Shortens at a word where it can: the diary's limits are tighter than the course's for some fields. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** A stress diary entry from the step's answers, or undefined when "what happened" is blank. */
export function stressEntryFromAnswers(
  answers: StepAnswers,
  occurredAt: string,
): Omit<StressEntryInput, 'id'> | undefined {
  const what = textOf(answers.what);
  const stress = numberOf(answers.stress);
  if (what === '' || stress === null || stress < 0 || stress > 10) return undefined;
  return {
    occurredAt,
    stress,
    what: clip(what, 4000),
    body: clip(textOf(answers.body), 2000),
    thoughts: clip(textOf(answers.thoughts), 4000),
    actions: clip(textOf(answers.actions), 4000),
  };
}

/**
 * A thought record from the step's answers: complete when every part is there (finishing the
 * step asks for all of them), a draft otherwise. The course asks for the feelings in one line and
 * one rating, so they become one feeling, rated before and after. Thinking traps the thought
 * records do not know are left out (the course offers the same twelve).
 */
export function thoughtRecordFromAnswers(
  answers: StepAnswers,
  occurredAt: string,
  knownTraps: readonly string[],
): Omit<ThoughtRecordInput, 'id'> | undefined {
  const situation = textOf(answers.situation);
  const thought = textOf(answers.thought);
  if (situation === '' && thought === '') return undefined;
  const feeling = clip(textOf(answers.emotions), THOUGHT_LIMITS.emotionName);
  const known = new Set(knownTraps);
  const record = {
    occurredAt,
    situation: clip(situation, THOUGHT_LIMITS.situation),
    automaticThoughts: thought
      ? [{ text: clip(thought, THOUGHT_LIMITS.thoughtText), belief: percentOf(answers['belief-before']) }]
      : [],
    emotions: feeling ? [{ name: feeling, intensity: percentOf(answers['feeling-before']) }] : [],
    thinkingTraps: [...new Set(listOf(answers.traps))].filter((id) => known.has(id)),
    evidenceFor: clip(listOf(answers['evidence-for']).join('\n'), THOUGHT_LIMITS.evidence),
    evidenceAgainst: clip(listOf(answers['evidence-against']).join('\n'), THOUGHT_LIMITS.evidence),
    balancedThought: clip(textOf(answers['balanced-thought']), THOUGHT_LIMITS.balancedThought),
    rerated: {
      belief: percentOf(answers['belief-after']),
      emotions: feeling ? [{ name: feeling, intensity: percentOf(answers['feeling-after']) }] : [],
    },
  };
  const status = completionGaps(record).length === 0 ? 'complete' : 'draft';
  // Through the contract's own schema, so a record from the course is one the diary would accept.
  return thoughtRecordInputSchema.parse({ ...record, status });
}
