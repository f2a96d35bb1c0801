import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  measureSchema,
  roundHalfUp,
  type Measure,
  type MeasureResult,
} from '../../src-main/contract/measures';
import { scoreMeasure, summariseMeasure, type ScoreOptions } from '../../src-main/core/measures/scoring';
import { loadMeasures } from '../../src-main/infra/content/measures-content';
import { projectRoot } from '../helpers/layering';

/*
 * Every expected number below is worked out by hand from the published scoring, with the
 * arithmetic in a comment. None is computed by the engine under test.
 */

const measures = loadMeasures(join(projectRoot, 'content'));

function measure(id: string): Measure {
  const found = measures.find((m) => m.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

/** [a, b, c] → { q1: a, q2: b, q3: c } */
function qs(values: readonly number[], prefix = 'q'): Record<string, number> {
  return Object.fromEntries(values.map((value, index) => [`${prefix}${index + 1}`, value]));
}

function scored(id: string, answers: Record<string, unknown>, options?: ScoreOptions): MeasureResult {
  const outcome = scoreMeasure(measure(id), answers, options);
  if (!outcome.ok) throw new Error(outcome.issues.map((issue) => issue.message).join('\n'));
  return outcome.value;
}

function scale(result: MeasureResult, scaleId: string) {
  const found = result.scales.find((s) => s.scaleId === scaleId);
  if (!found) throw new Error(`scale ${scaleId} not scored`);
  return found;
}

/** Score and band id of a measure's one scale (or the named one). */
function total(id: string, answers: Record<string, unknown>, scaleId = 'total') {
  const s = scale(scored(id, answers), scaleId);
  return { score: s.score, band: s.band.id };
}

describe('PSS-10', () => {
  // Items 4, 5, 7, 8 are reversed: 0↔4, 1↔3, 2↔2.
  it('reverses items 4, 5, 7 and 8 and no others', () => {
    // All "Never" (0): q1–3, q6, q9, q10 give 0; q4, q5, q7, q8 give 4 − 0 = 4 each → 4 × 4 = 16.
    expect(total('pss-10', qs([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({ score: 16, band: 'moderate' });
    // All "Very Often" (4): six plain items 6 × 4 = 24; reversed 4 × (4 − 4) = 0 → 24.
    expect(total('pss-10', qs([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]))).toEqual({ score: 24, band: 'moderate' });
  });

  // Baseline: all "Sometimes" (2) → every item gives 2 (reversed: 4 − 2 = 2) → 10 × 2 = 20.
  it.each([
    // Changing one reversed item from 2 to 0 scores it 4 − 0 = 4: 20 − 2 + 4 = 22.
    ['q4', 0, 22],
    ['q5', 0, 22],
    ['q7', 0, 22],
    ['q8', 0, 22],
    // From 2 to 1 scores it 4 − 1 = 3: 20 − 2 + 3 = 21.
    ['q4', 1, 21],
    ['q5', 1, 21],
    ['q7', 1, 21],
    ['q8', 1, 21],
    // From 2 to 4 scores it 4 − 4 = 0: 20 − 2 + 0 = 18.
    ['q4', 4, 18],
    ['q5', 4, 18],
    ['q7', 4, 18],
    ['q8', 4, 18],
    // Plain items are not reversed: 2 → 4 gives 20 − 2 + 4 = 22; 2 → 0 gives 20 − 2 + 0 = 18.
    ['q1', 4, 22],
    ['q1', 0, 18],
    ['q3', 4, 22],
    ['q6', 0, 18],
    ['q9', 4, 22],
    ['q10', 0, 18],
  ] as const)('scores %s answered %d: total %d', (itemId, value, expected) => {
    const answers = { ...qs([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]), [itemId]: value };
    expect(total('pss-10', answers).score).toBe(expected);
  });

  it.each([
    // Plain items 0, reversed items 4 (scored 0): 0.
    [[0, 0, 0, 4, 4, 0, 4, 4, 0, 0], 0, 'low'],
    // q1 + q2 + q3 + q6 = 4 + 4 + 4 + 1 = 13; reversed all score 0.
    [[4, 4, 4, 4, 4, 1, 4, 4, 0, 0], 13, 'low'],
    // 4 + 4 + 4 + 2 = 14.
    [[4, 4, 4, 4, 4, 2, 4, 4, 0, 0], 14, 'moderate'],
    // Plain six × 4 = 24; q4 = 2 → 4 − 2 = 2; others reversed 4 → 0: 26.
    [[4, 4, 4, 2, 4, 4, 4, 4, 4, 4], 26, 'moderate'],
    // As above but q4 = 1 → 4 − 1 = 3: 24 + 3 = 27.
    [[4, 4, 4, 1, 4, 4, 4, 4, 4, 4], 27, 'high'],
    // Plain six × 4 = 24; reversed four × (4 − 0) = 16: 40.
    [[4, 4, 4, 0, 0, 4, 0, 0, 4, 4], 40, 'high'],
  ] as const)('%j → %d (%s)', (values, expected, band) => {
    expect(total('pss-10', qs(values))).toEqual({ score: expected, band });
  });
});

describe('PHQ-9', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    // 1 + 1 + 1 + 1 = 4
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal'],
    // 1 × 5 = 5
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    // 3 + 3 + 3 = 9
    [[3, 3, 3, 0, 0, 0, 0, 0, 0], 9, 'mild'],
    // 3 + 3 + 3 + 1 = 10
    [[3, 3, 3, 1, 0, 0, 0, 0, 0], 10, 'moderate'],
    // 3 × 4 + 2 = 14
    [[3, 3, 3, 3, 2, 0, 0, 0, 0], 14, 'moderate'],
    // 3 × 5 = 15
    [[3, 3, 3, 3, 3, 0, 0, 0, 0], 15, 'moderately-severe'],
    // 3 × 6 + 1 = 19
    [[3, 3, 3, 3, 3, 3, 1, 0, 0], 19, 'moderately-severe'],
    // 3 × 6 + 2 = 20
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
    // 3 × 9 = 27
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe'],
  ] as const)('%j → %d (%s)', (values, expected, band) => {
    expect(total('phq-9', qs(values))).toEqual({ score: expected, band });
  });

  it('raises safety on question 9 above 0, whatever the total', () => {
    // Only q9 = 1: total 1, minimal, and still the self-harm rule.
    const low = scored('phq-9', qs([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(scale(low, 'total').score).toBe(1);
    expect(scale(low, 'total').band.id).toBe('minimal');
    expect(low.safety.triggered).toBe(true);
    expect(low.safety.reasons.map((r) => r.ruleId)).toEqual(['self-harm-thoughts']);
    for (const value of [2, 3]) {
      const result = scored('phq-9', qs([0, 0, 0, 0, 0, 0, 0, 0, value]));
      expect(result.safety.reasons.map((r) => r.ruleId)).toEqual(['self-harm-thoughts']);
    }
  });

  it('raises safety on a total of 20 or more, not 19', () => {
    // 3 × 6 + 1 = 19, q9 = 0: no rule fires.
    const nineteen = scored('phq-9', qs([3, 3, 3, 3, 3, 3, 1, 0, 0]));
    expect(nineteen.safety).toEqual({ triggered: false, reasons: [] });
    // 3 × 6 + 2 = 20, q9 = 0: the very-high-total rule only.
    const twenty = scored('phq-9', qs([3, 3, 3, 3, 3, 3, 2, 0, 0]));
    expect(twenty.safety.reasons.map((r) => r.ruleId)).toEqual(['very-high-total']);
    // 3 × 9 = 27 with q9 = 3: both.
    const all = scored('phq-9', qs([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(all.safety.reasons.map((r) => r.ruleId)).toEqual(['self-harm-thoughts', 'very-high-total']);
  });

  it('keeps the difficulty question unscored and optional', () => {
    // 1 + 1 = 2 whether or not difficulty ("Extremely difficult", 3) is given.
    const withIt = scored('phq-9', { ...qs([1, 1, 0, 0, 0, 0, 0, 0, 0]), difficulty: 3 });
    expect(scale(withIt, 'total').score).toBe(2);
    expect(withIt.unscored).toEqual([{ itemId: 'difficulty', value: 3, label: 'Extremely difficult' }]);
    const without = scored('phq-9', qs([1, 1, 0, 0, 0, 0, 0, 0, 0]));
    expect(scale(without, 'total').score).toBe(2);
    expect(without.unscored).toEqual([]);
  });

  it('suggests a GP from moderate up, never below', () => {
    const band = (values: number[]) => scale(scored('phq-9', qs(values)), 'total').band;
    expect(band([3, 3, 3, 0, 0, 0, 0, 0, 0]).suggestProfessional).toBe(false); // 9
    expect(band([3, 3, 3, 1, 0, 0, 0, 0, 0]).suggestProfessional).toBe(true); // 10
  });
});

describe('GAD-7', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    // 2 + 2 = 4
    [[2, 2, 0, 0, 0, 0, 0], 4, 'minimal'],
    // 2 + 2 + 1 = 5
    [[2, 2, 1, 0, 0, 0, 0], 5, 'mild'],
    // 3 + 3 + 3 = 9
    [[3, 3, 3, 0, 0, 0, 0], 9, 'mild'],
    // 3 + 3 + 3 + 1 = 10
    [[3, 3, 3, 1, 0, 0, 0], 10, 'moderate'],
    // 3 × 4 + 2 = 14
    [[3, 3, 3, 3, 2, 0, 0], 14, 'moderate'],
    // 3 × 5 = 15
    [[3, 3, 3, 3, 3, 0, 0], 15, 'severe'],
    // 3 × 7 = 21
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe'],
  ] as const)('%j → %d (%s)', (values, expected, band) => {
    expect(total('gad-7', qs(values))).toEqual({ score: expected, band });
  });

  it('keeps the difficulty question unscored and raises no safety rule', () => {
    // 1 × 7 = 7
    const result = scored('gad-7', { ...qs([1, 1, 1, 1, 1, 1, 1]), difficulty: 1 });
    expect(scale(result, 'total').score).toBe(7);
    expect(result.unscored).toEqual([{ itemId: 'difficulty', value: 1, label: 'Somewhat difficult' }]);
    expect(result.safety.triggered).toBe(false);
  });
});

describe('PHQ-4', () => {
  it.each([
    [[0, 0, 0, 0], 0, 'none'],
    // 1 + 1 = 2
    [[1, 1, 0, 0], 2, 'none'],
    // 1 + 1 + 1 = 3
    [[1, 1, 1, 0], 3, 'mild'],
    // 2 + 2 + 1 = 5
    [[2, 2, 1, 0], 5, 'mild'],
    // 2 + 2 + 2 = 6
    [[2, 2, 2, 0], 6, 'moderate'],
    // 2 × 4 = 8
    [[2, 2, 2, 2], 8, 'moderate'],
    // 3 + 2 + 2 + 2 = 9
    [[3, 2, 2, 2], 9, 'severe'],
    // 3 × 4 = 12
    [[3, 3, 3, 3], 12, 'severe'],
  ] as const)('%j → total %d (%s)', (values, expected, band) => {
    expect(total('phq-4', qs(values))).toEqual({ score: expected, band });
  });

  it('scores anxiety from questions 1–2 and mood from questions 3–4', () => {
    // anxiety = 3 + 0 = 3; depression = 0 + 1 = 1; total 4.
    const result = scored('phq-4', qs([3, 0, 0, 1]));
    expect(scale(result, 'total').score).toBe(4);
    expect(scale(result, 'anxiety').score).toBe(3);
    expect(scale(result, 'depression').score).toBe(1);
    // anxiety = 0 + 2 = 2; depression = 3 + 2 = 5.
    const other = scored('phq-4', qs([0, 2, 3, 2]));
    expect(scale(other, 'anxiety').score).toBe(2);
    expect(scale(other, 'depression').score).toBe(5);
  });

  it('suggests a fuller check from a subscale score of 3, not 2', () => {
    // anxiety 1 + 1 = 2, depression 1 + 1 = 2: no suggestion either side.
    const twos = scored('phq-4', qs([1, 1, 1, 1]));
    expect(scale(twos, 'anxiety').band).toMatchObject({ id: 'below-3', suggestMeasures: [] });
    expect(scale(twos, 'depression').band).toMatchObject({ id: 'below-3', suggestMeasures: [] });
    // anxiety 2 + 1 = 3 → GAD-7; depression 0 + 0 = 0.
    const anxious = scored('phq-4', qs([2, 1, 0, 0]));
    expect(scale(anxious, 'anxiety').band).toMatchObject({ id: 'fuller-check', suggestMeasures: ['gad-7'] });
    expect(scale(anxious, 'depression').band.suggestMeasures).toEqual([]);
    // depression 1 + 2 = 3 → PHQ-9.
    const low = scored('phq-4', qs([0, 0, 1, 2]));
    expect(scale(low, 'depression').band).toMatchObject({ id: 'fuller-check', suggestMeasures: ['phq-9'] });
    // both 3 + 3 = 6.
    const both = scored('phq-4', qs([3, 3, 3, 3]));
    expect(scale(both, 'anxiety').score).toBe(6);
    expect(scale(both, 'anxiety').band.suggestMeasures).toEqual(['gad-7']);
    expect(scale(both, 'depression').band.suggestMeasures).toEqual(['phq-9']);
  });

  it('shows the total first', () => {
    const result = scored('phq-4', qs([0, 0, 0, 0]));
    expect(result.scales.map((s) => [s.scaleId, s.primary])).toEqual([
      ['total', true],
      ['anxiety', false],
      ['depression', false],
    ]);
  });
});

describe('WHO-5', () => {
  // Options run "All of the time" 5 … "At no time" 0; the raw sum is multiplied by 4.
  it.each([
    // 0 × 4 = 0
    [[0, 0, 0, 0, 0], 0, 'very-low', true],
    // (2 + 2 + 2 + 1 + 0) = 7; 7 × 4 = 28 — the "talk to a GP" edge, inclusive.
    [[2, 2, 2, 1, 0], 28, 'very-low', true],
    // (2 + 2 + 2 + 1 + 1) = 8; 8 × 4 = 32
    [[2, 2, 2, 1, 1], 32, 'low', false],
    // (3 + 3 + 3 + 2 + 1) = 12; 12 × 4 = 48 — below 50, low wellbeing.
    [[3, 3, 3, 2, 1], 48, 'low', false],
    // (3 + 3 + 3 + 2 + 2) = 13; 13 × 4 = 52 — no raw score gives 49, 50 or 51.
    [[3, 3, 3, 2, 2], 52, 'fair-to-good', false],
    // 25 × 4 = 100
    [[5, 5, 5, 5, 5], 100, 'fair-to-good', false],
  ] as const)('%j → %d (%s)', (values, expected, band, gp) => {
    const result = scale(scored('who-5', qs(values)), 'wellbeing');
    expect(result.score).toBe(expected);
    expect(result.band.id).toBe(band);
    expect(result.band.suggestProfessional).toBe(gp);
  });

  it('suggests the PHQ-9 at 28 or below and raises no safety rule', () => {
    const result = scored('who-5', qs([1, 1, 1, 1, 1])); // 5 × 4 = 20
    expect(scale(result, 'wellbeing').band.suggestMeasures).toEqual(['phq-9']);
    expect(result.safety.triggered).toBe(false);
  });
});

describe('K10', () => {
  it.each([
    // Lowest answer is 1, so the minimum is 10 × 1 = 10, never 0.
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'low'],
    // 5 × 2 + 5 × 1 = 15
    [[2, 2, 2, 2, 2, 1, 1, 1, 1, 1], 15, 'low'],
    // 6 × 2 + 4 × 1 = 16
    [[2, 2, 2, 2, 2, 2, 1, 1, 1, 1], 16, 'moderate'],
    // 3 + 9 × 2 = 21
    [[3, 2, 2, 2, 2, 2, 2, 2, 2, 2], 21, 'moderate'],
    // 3 + 3 + 8 × 2 = 22
    [[3, 3, 2, 2, 2, 2, 2, 2, 2, 2], 22, 'high'],
    // 9 × 3 + 2 = 29
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2], 29, 'high'],
    // 10 × 3 = 30
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 30, 'very-high'],
    // 10 × 5 = 50
    [[5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50, 'very-high'],
  ] as const)('%j → %d (%s)', (values, expected, band) => {
    expect(total('k10', qs(values))).toEqual({ score: expected, band });
  });

  it('raises safety at 30, not 29', () => {
    // 9 × 3 + 2 = 29
    expect(scored('k10', qs([3, 3, 3, 3, 3, 3, 3, 3, 3, 2])).safety.triggered).toBe(false);
    // 10 × 3 = 30
    const thirty = scored('k10', qs([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(thirty.safety.reasons.map((r) => r.ruleId)).toEqual(['very-high-total']);
  });

  it('refuses 0, which is not a K10 answer', () => {
    const outcome = scoreMeasure(measure('k10'), qs([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => [i.code, i.itemId])).toEqual([['not_an_option', 'q1']]);
  });
});

describe('CBI', () => {
  // Answers are the published values: 100, 75, 50, 25, 0. Scale score = mean, 1 decimal.
  const personal = (values: number[]) => qs(values, 'p');
  const work = (values: number[]) => qs(values, 'w');
  const client = (values: number[]) => qs(values, 'c');
  const sometimes6 = [50, 50, 50, 50, 50, 50];

  it('scores personal burnout as a mean with its ≥ 50 edge', () => {
    // (5 × 50 + 25) / 6 = 275 / 6 = 45.833… → 45.8
    const below = scored('cbi', { ...personal([50, 50, 50, 50, 50, 25]), ...work([0, 0, 0, 0, 0, 0, 100]) });
    expect(scale(below, 'personal')).toMatchObject({ score: 45.8, band: { id: 'lower' } });
    // 6 × 50 / 6 = 50.0: high, inclusive.
    const at = scored('cbi', { ...personal(sometimes6), ...work([0, 0, 0, 0, 0, 0, 100]) });
    expect(scale(at, 'personal')).toMatchObject({ score: 50, band: { id: 'high' } });
    // (100 + 75 + 4 × 50) / 6 = 375 / 6 = 62.5
    const above = scored('cbi', { ...personal([100, 75, 50, 50, 50, 50]), ...work([0, 0, 0, 0, 0, 0, 100]) });
    expect(scale(above, 'personal').score).toBe(62.5);
  });

  it.each([
    // w1–w6 "Sometimes" (50) = 300. w7 is reversed: 100 − value.
    // w7 "Always" 100 → 0: (300 + 0) / 7 = 42.857… → 42.9
    [100, 42.9, 'lower'],
    // w7 "Often" 75 → 25: 325 / 7 = 46.428… → 46.4
    [75, 46.4, 'lower'],
    // w7 "Sometimes" 50 → 50: 350 / 7 = 50.0
    [50, 50, 'high'],
    // w7 "Seldom" 25 → 75: 375 / 7 = 53.571… → 53.6 (rounded up)
    [25, 53.6, 'high'],
    // w7 "Never/almost never" 0 → 100: 400 / 7 = 57.142… → 57.1
    [0, 57.1, 'high'],
  ] as const)('reverses the leisure-energy item: w7 = %d gives work %d (%s)', (w7, expected, band) => {
    const result = scored('cbi', { ...personal(sometimes6), ...work([50, 50, 50, 50, 50, 50, w7]) });
    expect(scale(result, 'work')).toMatchObject({ score: expected, band: { id: band } });
  });

  it('does not reverse the other work items', () => {
    // w1 = 100, w2–w6 = 0, w7 = 100 (→ 0): 100 / 7 = 14.285… → 14.3
    const result = scored('cbi', { ...personal(sometimes6), ...work([100, 0, 0, 0, 0, 0, 100]) });
    expect(scale(result, 'work').score).toBe(14.3);
  });

  it('leaves the client scale out unless chosen, and without asking for its answers', () => {
    const result = scored('cbi', { ...personal(sometimes6), ...work([50, 50, 50, 50, 50, 50, 50]) });
    expect(result.scales.map((s) => s.scaleId)).toEqual(['personal', 'work']);
    expect(result.skippedScales).toEqual([
      { scaleId: 'client', reason: 'not_chosen', missingItems: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] },
    ]);
  });

  it('scores the client scale when chosen and fully answered', () => {
    // (100 + 75 + 50 + 25 + 0 + 50) / 6 = 300 / 6 = 50.0
    const result = scored(
      'cbi',
      { ...personal(sometimes6), ...work([50, 50, 50, 50, 50, 50, 50]), ...client([100, 75, 50, 25, 0, 50]) },
      { optionalScales: ['client'] },
    );
    expect(scale(result, 'client')).toMatchObject({ score: 50, band: { id: 'high' }, primary: true });
    // (25 + 25 + 25 + 25 + 25 + 0) / 6 = 125 / 6 = 20.833… → 20.8
    const lower = scored(
      'cbi',
      { ...personal(sometimes6), ...work([50, 50, 50, 50, 50, 50, 50]), ...client([25, 25, 25, 25, 25, 0]) },
      { optionalScales: ['client'] },
    );
    expect(scale(lower, 'client')).toMatchObject({ score: 20.8, band: { id: 'lower' } });
    expect(lower.skippedScales).toEqual([]);
  });

  it('skips a chosen client scale that is not fully answered, naming what is missing', () => {
    const result = scored(
      'cbi',
      { ...personal(sometimes6), ...work([50, 50, 50, 50, 50, 50, 50]), c1: 100, c2: 75 },
      { optionalScales: ['client'] },
    );
    expect(result.scales.map((s) => s.scaleId)).toEqual(['personal', 'work']);
    expect(result.skippedScales).toEqual([
      { scaleId: 'client', reason: 'incomplete', missingItems: ['c3', 'c4', 'c5', 'c6'] },
    ]);
  });

  it('ignores client answers that were not chosen, but still checks them', () => {
    const answers = { ...personal(sometimes6), ...work([50, 50, 50, 50, 50, 50, 50]), ...client(sometimes6) };
    expect(scored('cbi', answers).skippedScales).toEqual([
      { scaleId: 'client', reason: 'not_chosen', missingItems: [] },
    ]);
    const outcome = scoreMeasure(measure('cbi'), { ...answers, c1: 60 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => [i.code, i.itemId])).toEqual([['not_an_option', 'c1']]);
  });

  it('still requires the personal and work scales', () => {
    const outcome = scoreMeasure(measure('cbi'), personal(sometimes6));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.issues.map((i) => i.itemId)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7']);
    }
  });
});

describe('BRS', () => {
  // Answers 1–5; items 2, 4, 6 are reversed (6 − value). Score = mean, 2 decimals.
  it.each([
    // All "Neutral" (3): every item gives 3 → 18 / 6 = 3.00, the low/normal edge (normal).
    [[3, 3, 3, 3, 3, 3], 3, 'normal'],
    // q1 = 2: 2 + 5 × 3 = 17 → 17 / 6 = 2.833… → 2.83 (low)
    [[2, 3, 3, 3, 3, 3], 2.83, 'low'],
    // Plain 4, 4, 4 and reversed 2, 2, 2 → 4 each: 24 / 6 = 4.00
    [[4, 2, 4, 2, 4, 2], 4, 'normal'],
    // Plain 5, 4, 4 and reversed 2, 2, 2 → 4: 25 / 6 = 4.166… → 4.17 (normal; 4.30 itself needs 25.8)
    [[5, 2, 4, 2, 4, 2], 4.17, 'normal'],
    // Plain 5, 5, 4 and reversed 2, 2, 2 → 4: 26 / 6 = 4.333… → 4.33 (high, above 4.30)
    [[5, 2, 5, 2, 4, 2], 4.33, 'high'],
    // Plain 1s and reversed 5s (→ 1): 6 / 6 = 1.00
    [[1, 5, 1, 5, 1, 5], 1, 'low'],
    // Plain 5s and reversed 1s (→ 5): 30 / 6 = 5.00
    [[5, 1, 5, 1, 5, 1], 5, 'high'],
  ] as const)('%j → %d (%s)', (values, expected, band) => {
    expect(total('brs', qs(values), 'resilience')).toEqual({ score: expected, band });
  });

  // Baseline all 3 (sum 18). One item changed; reversed items count 6 − value.
  it.each([
    // q2 = 1 → 5: 18 − 3 + 5 = 20 → 20 / 6 = 3.333… → 3.33
    ['q2', 1, 3.33],
    ['q4', 1, 3.33],
    ['q6', 1, 3.33],
    // q2 = 5 → 1: 18 − 3 + 1 = 16 → 16 / 6 = 2.666… → 2.67
    ['q2', 5, 2.67],
    ['q4', 5, 2.67],
    ['q6', 5, 2.67],
    // q4 = 4 → 2: 17 / 6 = 2.833… → 2.83
    ['q4', 4, 2.83],
    // Plain items are not reversed: q1 = 5 → 20 / 6 → 3.33; q3 = 1 → 16 / 6 → 2.67; q5 = 4 → 19 / 6 = 3.166… → 3.17
    ['q1', 5, 3.33],
    ['q3', 1, 2.67],
    ['q5', 4, 3.17],
  ] as const)('scores %s answered %d: mean %d', (itemId, value, expected) => {
    const answers = { ...qs([3, 3, 3, 3, 3, 3]), [itemId]: value };
    expect(total('brs', answers, 'resilience').score).toBe(expected);
  });

  it('puts exactly 3.00 and 4.30 in "normal" and 2.95 / 4.35 outside it', () => {
    // Six items cannot reach 4.30, so this uses the BRS file's own scale and bands with 20
    // plain items (mean = sum / 20): 59 / 20 = 2.95, 60 / 20 = 3.00, 86 / 20 = 4.30, 87 / 20 = 4.35.
    const brs = measure('brs');
    const twenty = measureSchema.parse({
      ...brs,
      id: 'brs-twenty',
      items: Array.from({ length: 20 }, (_, i) => ({
        id: `q${i + 1}`,
        text: `Item ${i + 1}`,
        options: 'agreement',
        scales: ['resilience'],
      })),
    });
    // n answers of 4 and the rest 1: sum = 4n + (20 − n) = 20 + 3n; or of 5: 20 + 4n.
    const withSum = (fours: number, fives: number) =>
      Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`q${i + 1}`, i < fours ? 4 : i < fours + fives ? 5 : 1]),
      );
    const at = (answers: Record<string, number>) => {
      const outcome = scoreMeasure(twenty, answers);
      if (!outcome.ok) throw new Error('unexpected issues');
      const s = scale(outcome.value, 'resilience');
      return [s.score, s.band.id];
    };
    // 20 + 3 × 13 = 59 → 2.95
    expect(at(withSum(13, 0))).toEqual([2.95, 'low']);
    // 20 + 4 × 10 = 60 → 3.00
    expect(at(withSum(0, 10))).toEqual([3, 'normal']);
    // 20 + 3 × 2 + 4 × 15 = 86 → 4.30
    expect(at(withSum(2, 15))).toEqual([4.3, 'normal']);
    // 20 + 3 × 1 + 4 × 16 = 87 → 4.35
    expect(at(withSum(1, 16))).toEqual([4.35, 'high']);
  });
});

describe('rounding', () => {
  it('rounds half up on the decimal value, not the binary one', () => {
    expect(roundHalfUp(2.675, 2)).toBe(2.68); // binary 2.67499… would give 2.67
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(45.8333333, 1)).toBe(45.8);
    expect(roundHalfUp(12.5, 0)).toBe(13);
    expect(roundHalfUp(7, 2)).toBe(7);
  });

  it('rounds a mean of 1.025 up to 1.03, where naive binary rounding gives 1.02', () => {
    // The BRS scale (mean, 2 decimals) over 40 plain items: 39 answers of 1 and one of 2 give
    // 41 / 40 = 1.025 → 1.03. Math.round(1.025 × 100) / 100 would give 1.02.
    const brs = measure('brs');
    const forty = measureSchema.parse({
      ...brs,
      id: 'brs-forty',
      items: Array.from({ length: 40 }, (_, i) => ({
        id: `q${i + 1}`,
        text: `Item ${i + 1}`,
        options: 'agreement',
        scales: ['resilience'],
      })),
    });
    const answers = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`q${i + 1}`, i === 0 ? 2 : 1]));
    const outcome = scoreMeasure(forty, answers);
    expect(outcome.ok && outcome.value.scales[0]?.score).toBe(1.03);
  });
});

describe('malformed answers', () => {
  const phq9 = () => measure('phq-9');
  const issues = (answers: Record<string, unknown>, options?: ScoreOptions) => {
    const outcome = scoreMeasure(phq9(), answers, options);
    if (outcome.ok) throw new Error('expected issues');
    return outcome.issues;
  };
  const complete = qs([0, 0, 0, 0, 0, 0, 0, 0, 0]);

  it('names a missing required item', () => {
    const { q3: _dropped, ...rest } = complete;
    expect(issues(rest)).toEqual([
      { code: 'missing_answer', itemId: 'q3', message: 'Question 3 ("q3") needs an answer.' },
    ]);
  });

  it('names an answer that is not one of the options', () => {
    expect(issues({ ...complete, q2: 4 })).toEqual([
      {
        code: 'not_an_option',
        itemId: 'q2',
        message: 'Question 2 ("q2"): 4 is not one of its answers (0, 1, 2, 3).',
      },
    ]);
    expect(issues({ ...complete, q2: -1 })[0]?.code).toBe('not_an_option');
    expect(issues({ ...complete, q2: 1.5 })[0]?.code).toBe('not_an_option');
    expect(issues({ ...complete, difficulty: 4 })[0]).toMatchObject({
      code: 'not_an_option',
      itemId: 'difficulty',
    });
  });

  it('names an unknown item, quoting it safely', () => {
    expect(issues({ ...complete, q10: 1 })).toEqual([
      { code: 'unknown_item', itemId: 'q10', message: '"q10" is not a question in PHQ-9.' },
    ]);
    const proto = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    expect(issues({ ...complete, ...proto }).map((i) => [i.code, i.itemId])).toEqual([
      ['unknown_item', '__proto__'],
    ]);
    const long = issues({ ...complete, ['x'.repeat(100)]: 1 })[0]?.message ?? '';
    expect(long).toBe(`"${'x'.repeat(40)}…" is not a question in PHQ-9.`);
    expect(issues({ ...complete, 'a\nb': 1 })[0]?.message).toBe('"a\\nb" is not a question in PHQ-9.');
  });

  it.each([
    ['1', 'text'],
    [null, 'null'],
    [true, 'true or false'],
    [[1], 'a list'],
    [{ value: 1 }, 'an object'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('names an answer of the wrong type (%j)', (value, shown) => {
    expect(issues({ ...complete, q5: value })).toEqual([
      {
        code: 'not_a_number',
        itemId: 'q5',
        message: `Question 5 ("q5"): the answer must be a number, not ${shown}.`,
      },
    ]);
  });

  it('names an optional scale the measure does not have', () => {
    expect(issues(complete, { optionalScales: ['total'] })).toEqual([
      { code: 'unknown_scale', itemId: 'total', message: '"total" is not an optional part of PHQ-9.' },
    ]);
  });

  it('lists every problem at once, in question order after unknown ids', () => {
    const found = issues({ q1: 'x', q2: 9, zz: 0 });
    expect(found.map((i) => [i.code, i.itemId])).toEqual([
      ['unknown_item', 'zz'],
      ['not_a_number', 'q1'],
      ['not_an_option', 'q2'],
      ['missing_answer', 'q3'],
      ['missing_answer', 'q4'],
      ['missing_answer', 'q5'],
      ['missing_answer', 'q6'],
      ['missing_answer', 'q7'],
      ['missing_answer', 'q8'],
      ['missing_answer', 'q9'],
    ]);
  });

  it('still reports question 9 safety when other answers are malformed', () => {
    const outcome = scoreMeasure(phq9(), { q1: 'x', q9: 2 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.safety.triggered).toBe(true);
      expect(outcome.safety.reasons.map((r) => r.ruleId)).toEqual(['self-harm-thoughts']);
    }
    // An invalid q9 is not read as a yes.
    const invalid = scoreMeasure(phq9(), { q9: 7 });
    expect(invalid.ok === false && invalid.safety.triggered).toBe(false);
  });
});

describe('summaries', () => {
  it('lists each measure with its optional scales', () => {
    expect(summariseMeasure(measure('cbi'))).toMatchObject({
      id: 'cbi',
      shortName: 'CBI',
      itemCount: 19,
      recallPeriod: null,
      optionalScales: [{ id: 'client', label: 'Client-related burnout' }],
    });
    expect(summariseMeasure(measure('k10'))).toMatchObject({
      itemCount: 10,
      recallPeriod: { days: 28 },
      optionalScales: [],
    });
  });
});
