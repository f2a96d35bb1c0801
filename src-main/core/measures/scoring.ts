import {
  roundHalfUp,
  valueBounds,
  type AnswerIssue,
  type Measure,
  type MeasureItem,
  type MeasureResult,
  type MeasureScale,
  type MeasureSummary,
  type SafetyResult,
  type SafetyRule,
  type ScaleResult,
  type SkippedScale,
} from '../../contract/measures';

/*
 * The one scoring engine for every questionnaire in content/measures/. It knows nothing about
 * any particular instrument: reversal, subscales, means, multipliers, optional scales, bands and
 * safety rules all come from the validated file (see contract/measures.ts for the model).
 *
 * Malformed answers are not thrown: `scoreMeasure` returns `{ ok: false, issues }` listing every
 * problem, each naming the question. A measure that failed its schema is a programming error and
 * may throw.
 */

export interface ScoreOptions {
  /** Optional scales the person chose to answer, e.g. ['client'] for the CBI. */
  optionalScales?: readonly string[];
}

/**
 * A failure still carries the safety rules that could be checked: an item rule (PHQ-9 question
 * 9) fires on a valid answer even when other answers are missing or malformed, so the calm
 * crisis screen never depends on the rest of the form being right.
 */
export type ScoreOutcome =
  { ok: true; value: MeasureResult } | { ok: false; issues: AnswerIssue[]; safety: SafetyResult };

/**
 * Scores one completed questionnaire.
 *
 * `answers` maps item id → the chosen option's value as printed on the published form (not its
 * index). Items of required scales must all be answered; items of optional scales and unscored
 * items may be left out.
 */
export function scoreMeasure(
  measure: Measure,
  answers: Readonly<Record<string, unknown>>,
  options: ScoreOptions = {},
): ScoreOutcome {
  const issues = checkAnswers(measure, answers, options.optionalScales ?? []);
  const answered = (item: MeasureItem): number | undefined => validAnswer(measure, item, answers);
  if (issues.length > 0) return { ok: false, issues, safety: checkSafety(measure, answered, new Map()) };

  const chosen = new Set(options.optionalScales ?? []);

  const scales: ScaleResult[] = [];
  const skippedScales: SkippedScale[] = [];
  const scores = new Map<string, number>();
  for (const scale of measure.scales) {
    const members = measure.items.filter((item) => item.scales.includes(scale.id));
    const missingItems = members.filter((item) => answered(item) === undefined).map((item) => item.id);
    if (scale.optional && !chosen.has(scale.id)) {
      skippedScales.push({ scaleId: scale.id, reason: 'not_chosen', missingItems });
      continue;
    }
    if (missingItems.length > 0) {
      // Only optional scales get here: checkAnswers has already refused missing required answers.
      skippedScales.push({ scaleId: scale.id, reason: 'incomplete', missingItems });
      continue;
    }
    const values = members.map((item) => itemScore(measure, item, answered(item) ?? 0));
    const score = aggregate(scale, values);
    scores.set(scale.id, score);
    scales.push({
      scaleId: scale.id,
      label: scale.label,
      score,
      range: { ...scale.range },
      primary: measure.primaryScales.includes(scale.id),
      band: withItemSuggestions(measure, scale, members, answered, bandFor(measure, scale, score)),
    });
  }

  const unscored = measure.items
    .filter((item) => item.scales.length === 0)
    .flatMap((item) => {
      const value = answered(item);
      if (value === undefined) return [];
      const label = optionSet(measure, item).options.find((o) => o.value === value)?.label ?? '';
      return [{ itemId: item.id, value, label }];
    });

  return {
    ok: true,
    value: {
      measureId: measure.id,
      scales,
      skippedScales,
      safety: checkSafety(measure, answered, scores),
      unscored,
    },
  };
}

/** The list entry for a questionnaire: enough to offer it without sending every item. */
export function summariseMeasure(measure: Measure): MeasureSummary {
  return {
    id: measure.id,
    shortName: measure.shortName,
    plainName: measure.plainName,
    group: measure.group,
    name: measure.name,
    summary: measure.summary,
    minutes: measure.minutes,
    recallPeriod: measure.recallPeriod ? { ...measure.recallPeriod } : null,
    itemCount: measure.items.length,
    optionalScales: measure.scales
      .filter((scale) => scale.optional)
      .map((scale) => ({ id: scale.id, label: scale.label, optIn: scale.optIn ?? '' })),
  };
}

/** Required = counts towards at least one scale that is not optional. */
export function isRequired(measure: Measure, item: MeasureItem): boolean {
  return item.scales.some((scaleId) => measure.scales.find((s) => s.id === scaleId)?.optional === false);
}

function checkAnswers(
  measure: Measure,
  answers: Readonly<Record<string, unknown>>,
  optionalScales: readonly string[],
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const itemIds = new Set(measure.items.map((item) => item.id));

  for (const key of Object.keys(answers)) {
    if (!itemIds.has(key)) {
      issues.push({
        code: 'unknown_item',
        itemId: key,
        message: `${show(key)} is not a question in ${measure.shortName}.`,
      });
    }
  }

  measure.items.forEach((item, index) => {
    const question = `Question ${index + 1} (${show(item.id)})`;
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (value === undefined) {
      if (isRequired(measure, item)) {
        issues.push({ code: 'missing_answer', itemId: item.id, message: `${question} needs an answer.` });
      }
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({
        code: 'not_a_number',
        itemId: item.id,
        message: `${question}: the answer must be a number, not ${describe(value)}.`,
      });
      return;
    }
    const allowed = optionSet(measure, item).options.map((o) => o.value);
    if (!allowed.includes(value)) {
      issues.push({
        code: 'not_an_option',
        itemId: item.id,
        message: `${question}: ${value} is not one of its answers (${allowed.join(', ')}).`,
      });
    }
  });

  const optional = new Set(measure.scales.filter((s) => s.optional).map((s) => s.id));
  for (const scaleId of optionalScales) {
    if (!optional.has(scaleId)) {
      issues.push({
        code: 'unknown_scale',
        itemId: scaleId,
        message: `${show(scaleId)} is not an optional part of ${measure.shortName}.`,
      });
    }
  }
  return issues;
}

/** The value an item contributes: reversed items count as (min + max − value). */
function itemScore(measure: Measure, item: MeasureItem, value: number): number {
  if (!item.reversed) return value;
  const bounds = valueBounds(optionSet(measure, item));
  if (!bounds) throw new Error(`${measure.id}: item ${item.id} has no option values`);
  return bounds.min + bounds.max - value;
}

/**
 * Sum or mean, times the multiplier, rounded half up. The division comes last so that integer
 * sums stay exact: (17 × 1) / 6 is rounded once, not 17 / 6 rounded and then multiplied.
 */
function aggregate(scale: MeasureScale, values: readonly number[]): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  const divisor = scale.aggregation === 'mean' ? values.length : 1;
  return roundHalfUp((total * scale.multiplier) / divisor, scale.decimals);
}

function bandFor(measure: Measure, scale: MeasureScale, score: number): ScaleResult['band'] {
  const band = scale.bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new Error(`${measure.id}: scale ${scale.id} has no band for ${score}`);
  return {
    id: band.id,
    label: band.label,
    description: band.description,
    helps: { text: band.helps.text, modules: [...band.helps.modules], topics: [...band.helps.topics] },
    suggestMeasures: [...band.suggestMeasures],
    suggestProfessional: band.suggestProfessional,
  };
}

/** Adds the measure's single-answer suggestions (before reversal) to the band's, once each. */
function withItemSuggestions(
  measure: Measure,
  scale: MeasureScale,
  members: readonly MeasureItem[],
  answered: (item: MeasureItem) => number | undefined,
  band: ScaleResult['band'],
): ScaleResult['band'] {
  const extra = measure.itemSuggestions
    .filter((rule) => rule.scale === scale.id)
    .filter((rule) => members.some((item) => (answered(item) ?? Infinity) <= rule.anyItemAtMost))
    .flatMap((rule) => rule.suggestMeasures);
  if (extra.length === 0) return band;
  return { ...band, suggestMeasures: [...new Set([...band.suggestMeasures, ...extra])] };
}

/** Item rules look at the answer as given (before reversal); scale rules at the rounded score. */
function checkSafety(
  measure: Measure,
  answered: (item: MeasureItem) => number | undefined,
  scores: ReadonlyMap<string, number>,
): SafetyResult {
  const reasons = measure.safety
    .filter((rule) => {
      const value =
        rule.target.kind === 'item'
          ? answered(itemById(measure, rule.target.item))
          : scores.get(rule.target.scale);
      return value !== undefined && fires(rule, value);
    })
    .map((rule) => ({ ruleId: rule.id, reason: rule.reason }));
  return { triggered: reasons.length > 0, reasons };
}

/** The item's answer when it is one of its options' values; otherwise undefined. */
function validAnswer(
  measure: Measure,
  item: MeasureItem,
  answers: Readonly<Record<string, unknown>>,
): number | undefined {
  const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
  if (typeof value !== 'number') return undefined;
  return optionSet(measure, item).options.some((o) => o.value === value) ? value : undefined;
}

function fires(rule: SafetyRule, value: number): boolean {
  return (
    (rule.atLeast === undefined || value >= rule.atLeast) &&
    (rule.atMost === undefined || value <= rule.atMost)
  );
}

function itemById(measure: Measure, id: string): MeasureItem {
  const item = measure.items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`${measure.id}: no item ${id}`);
  return item;
}

function optionSet(measure: Measure, item: MeasureItem) {
  const set = measure.optionSets.find((candidate) => candidate.id === item.options);
  if (!set) throw new Error(`${measure.id}: item ${item.id} uses unknown option set ${item.options}`);
  return set;
}

/** Ids come from whoever sent the answers: quoted, short, control characters escaped. */
function show(id: string): string {
  const points = Array.from(id.slice(0, 82));
  return JSON.stringify(points.length > 40 ? `${points.slice(0, 40).join('')}…` : id);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
