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
