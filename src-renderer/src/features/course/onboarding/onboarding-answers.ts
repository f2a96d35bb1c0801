import type { CourseOverview, CourseSupport, FocusArea, Measure } from '../../../../../src-main/contract';

/** The stress check onboarding offers, where the organisation's licence allows it. */
export const STRESS_CHECK = 'pss-10';

/**
 * Everything onboarding asks, in one object: a draft of it (useDraft('onboarding')) can then
 * keep and restore the lot without knowing how the questions are laid out.
 */
export interface OnboardingAnswers {
  focusAreas: FocusArea[];
  minutesPerWeek?: number;
  support?: CourseSupport;
  /** Taking the stress check now or not; never asked when the licence leaves it out. */
  stressCheck?: 'take' | 'skip';
  /** The stress check's answers by item id, exactly as measures.submit scores them. */
  stressAnswers: Record<string, number>;
}

/** "Change my answers" starts from the saved profile; the stress check is always asked afresh. */
export function initialAnswers(previous: CourseOverview['profile']): OnboardingAnswers {
  return {
    focusAreas: previous?.focusAreas ?? [],
    minutesPerWeek: previous?.minutesPerWeek,
    support: previous?.support,
    stressAnswers: {},
  };
}

export type OnboardingQuestion =
  | { kind: 'focus' }
  | { kind: 'minutes' }
  | { kind: 'support' }
  | { kind: 'stress-check' }
  | { kind: 'stress-item'; itemId: string };

/**
 * The questions in the order they are asked, one per screen. The stress check's own items
 * follow only when the person chose to take it and the check is offered.
 */
export function onboardingQuestions(
  answers: OnboardingAnswers,
  stressCheck: Measure | undefined,
): OnboardingQuestion[] {
  const course: OnboardingQuestion[] = [{ kind: 'focus' }, { kind: 'minutes' }, { kind: 'support' }];
  if (!stressCheck) return course;
  const items =
    answers.stressCheck === 'take'
      ? stressCheck.items.map((item): OnboardingQuestion => ({ kind: 'stress-item', itemId: item.id }))
      : [];
  return [...course, { kind: 'stress-check' }, ...items];
}

/** Whether a question has what it needs to move on (the focus areas may be left empty). */
export function answered(question: OnboardingQuestion, answers: OnboardingAnswers): boolean {
  switch (question.kind) {
    case 'focus':
      return true;
    case 'minutes':
      return answers.minutesPerWeek !== undefined;
    case 'support':
      return answers.support !== undefined;
    case 'stress-check':
      return answers.stressCheck !== undefined;
    case 'stress-item':
      return answers.stressAnswers[question.itemId] !== undefined;
  }
}

/** Only the answers of the items the check has: a stale key would make measures.submit refuse. */
export function stressSubmission(answers: OnboardingAnswers, stressCheck: Measure): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const item of stressCheck.items) {
    const value = answers.stressAnswers[item.id];
    if (value !== undefined) shown[item.id] = value;
  }
  return shown;
}

/** The answers and the question reached, as a draft's fields (useDraft keeps strings only). */
export function answersToDraft(answers: OnboardingAnswers, position: number): Record<string, string> {
  return { answers: JSON.stringify(answers), position: String(position) };
}

/**
 * A draft's fields back as answers, or undefined when they are not a draft of these answers. The
 * vault only ever holds what answersToDraft wrote, but a draft may come from an older version of
 * the questions: anything of the wrong shape is dropped (course.saveProfile checks the rest).
 */
export function answersFromDraft(
  fields: Record<string, string>,
): { answers: OnboardingAnswers; position: number } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fields.answers ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const raw = parsed as Record<string, unknown>;
  const focusAreas = Array.isArray(raw.focusAreas)
    ? (raw.focusAreas.filter((area) => typeof area === 'string') as FocusArea[])
    : [];
  const stressAnswers: Record<string, number> = {};
  if (typeof raw.stressAnswers === 'object' && raw.stressAnswers !== null) {
    for (const [item, value] of Object.entries(raw.stressAnswers)) {
      if (typeof value === 'number' && Number.isInteger(value)) stressAnswers[item] = value;
    }
  }
  const position = Number(fields.position);
  return {
    answers: {
      focusAreas,
      minutesPerWeek: typeof raw.minutesPerWeek === 'number' ? raw.minutesPerWeek : undefined,
      support: typeof raw.support === 'string' ? (raw.support as CourseSupport) : undefined,
      stressCheck: raw.stressCheck === 'take' || raw.stressCheck === 'skip' ? raw.stressCheck : undefined,
      stressAnswers,
    },
    position: Number.isInteger(position) && position >= 0 ? position : 0,
  };
}
