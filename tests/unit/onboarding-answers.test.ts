import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src-main/contract';
import {
  answered,
  initialAnswers,
  onboardingQuestions,
  stressSubmission,
} from '../../src-renderer/src/features/course/onboarding/onboarding-answers';
import { projectRoot } from '../helpers/layering';

/** The real PSS-10, as the host serves it: onboarding asks its items one per screen. */
const pss = JSON.parse(readFileSync(join(projectRoot, 'content/measures/pss-10.json'), 'utf8')) as Measure;

describe('onboarding, one question per screen', () => {
  it('asks three course questions where the stress check is not offered', () => {
    const kinds = onboardingQuestions(initialAnswers(null), undefined).map((q) => q.kind);
    expect(kinds).toEqual(['focus', 'minutes', 'support']);
  });

  it('offers the stress check fourth, and its ten items only when the person takes it', () => {
    const answers = initialAnswers(null);
    expect(onboardingQuestions(answers, pss)).toHaveLength(4);
    expect(onboardingQuestions({ ...answers, stressCheck: 'skip' }, pss)).toHaveLength(4);
    const taken = onboardingQuestions({ ...answers, stressCheck: 'take' }, pss);
    expect(taken.slice(4)).toEqual(pss.items.map((item) => ({ kind: 'stress-item', itemId: item.id })));
  });

  it('moves on only with an answer, except from the focus areas, which may be left empty', () => {
    const answers = initialAnswers(null);
    expect(answered({ kind: 'focus' }, answers)).toBe(true);
    expect(answered({ kind: 'minutes' }, answers)).toBe(false);
    expect(answered({ kind: 'minutes' }, { ...answers, minutesPerWeek: 20 })).toBe(true);
    expect(answered({ kind: 'stress-item', itemId: 'q3' }, answers)).toBe(false);
    // 0 ("Never") is an answer, not a missing one.
    expect(answered({ kind: 'stress-item', itemId: 'q3' }, { ...answers, stressAnswers: { q3: 0 } })).toBe(
      true,
    );
  });

  it('starts "Change my answers" from the saved profile, and sends only the check’s own items', () => {
    const answers = initialAnswers({
      focusAreas: ['sleep'],
      minutesPerWeek: 30,
      support: 'on-my-own',
      baseline: null,
      updatedAt: '2026-12-03T10:00:00.000Z',
    });
    expect(answers).toMatchObject({ focusAreas: ['sleep'], minutesPerWeek: 30, support: 'on-my-own' });
    expect(answers.stressCheck).toBeUndefined();
    const sent = stressSubmission({ ...answers, stressAnswers: { q1: 4, q10: 0, stale: 2 } }, pss);
    expect(sent).toEqual({ q1: 4, q10: 0 });
  });
});
