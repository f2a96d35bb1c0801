import { z } from 'zod';
import { slugSchema as slug } from './primitives';

/*
 * Standardised questionnaires ("measures") as content: one JSON file per instrument in
 * content/measures/, validated by `measureSchema`. Everything the scoring engine
 * (core/measures/scoring.ts) needs is here, so a new instrument is a new file, not new code.
 *
 * Scoring model, in the order the engine applies it:
 * 1. An answer is the option's `value` as printed on the published form (K10 1–5, CBI 100…0),
 *    not its position in the list.
 * 2. A `reversed` item is scored as (smallest value in its option set + largest) − value.
 * 3. Each scale aggregates its items (`sum` or `mean`), then multiplies by `multiplier`, then
 *    rounds half up to `decimals` places. Bands are looked up with the rounded score.
 * 4. Safety rules compare an item's answered value (before any reversal) or a scale's rounded
 *    score with `atLeast` / `atMost`, both inclusive.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const httpsUrl = z
  .string()
  .max(500)
  .url()
  .refine((value) => value.startsWith('https://'), 'Use an https:// address.');

/** The course modules of CONTENT.md (m1–m7 core, m8–m10 optional). */
export const MODULE_IDS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'] as const;
export const moduleIdSchema = z.enum(MODULE_IDS);

export const answerOptionSchema = z
  .object({
    /** Exactly as printed on the published form. */
    label: text(80),
    /** The value the published scoring gives this answer. Integers keep every score exact. */
    value: z.number().int().min(-1000).max(1000),
  })
  .strict();

export const optionSetSchema = z
  .object({
    id: slug('option set ids'),
    /** In the order the published form shows them. */
    options: z.array(answerOptionSchema).min(2).max(11),
  })
  .strict()
  .superRefine((set, ctx) => {
    duplicates(set.options.map((o) => o.value)).forEach((index) =>
      ctx.addIssue({
        code: 'custom',
        path: ['options', index, 'value'],
        message: 'Two answers share this value.',
      }),
    );
    duplicates(set.options.map((o) => o.label)).forEach((index) =>
      ctx.addIssue({
        code: 'custom',
        path: ['options', index, 'label'],
        message: 'Two answers share this label.',
      }),
    );
  });

export const measureItemSchema = z
  .object({
    id: slug('item ids'),
    /** The published wording, exactly. */
    text: text(400),
    /** Id of the option set this item is answered with. */
    options: slug('option set ids'),
    /** Scored as (min + max − value) of its option set. */
    reversed: z.boolean().default(false),
    /**
     * Ids of the scales this item counts towards. Empty means unscored (e.g. PHQ-9's difficulty
     * question): it is asked, kept and reported, but never required and never scored.
     */
    scales: z.array(slug('scale ids')).max(8),
  })
  .strict();

export const bandSchema = z
  .object({
    id: slug('band ids'),
    /** Inclusive, on the scale's rounded score. */
    min: z.number(),
    max: z.number(),
    /** The conventional name of the band (e.g. "Moderately severe"), for reports and coaches. */
    label: text(60),
    /** What the person reads: warm, second person, never a diagnosis. */
    description: text(600),
    /** A short pointer to what might help, with course modules and library topics to link. */
    helps: z
      .object({
        text: text(300),
        modules: z.array(moduleIdSchema).max(4).default([]),
        /** Library article ids (content/library/<id>.md); the content tests check each resolves. */
        topics: z.array(slug('library topics')).max(6).default([]),
      })
      .strict(),
    /** Other questionnaires worth taking next (e.g. PHQ-4 anxiety ≥ 3 → GAD-7). */
    suggestMeasures: z.array(slug('measure ids')).max(3).default([]),
    /** Gently suggest talking to a GP or another professional. Not a safety alert. */
    suggestProfessional: z.boolean().default(false),
  })
  .strict();

export const measureScaleSchema = z
  .object({
    id: slug('scale ids'),
    label: text(80),
    aggregation: z.enum(['sum', 'mean']),
    /** Applied after aggregating, before rounding (WHO-5: raw 0–25 × 4 = 0–100). */
    multiplier: z.number().positive().max(1000).default(1),
    /** Decimal places the score is rounded to, half up (BRS 2, CBI 1). */
    decimals: z.number().int().min(0).max(3).default(0),
    /** The score's possible range after multiplier and rounding; checked against the items. */
    range: z.object({ min: z.number(), max: z.number() }).strict(),
    /**
     * Scored only when the person chose to answer it and answered all of its items (CBI's
     * client scale). Its items are never required.
     */
    optional: z.boolean().default(false),
    /** The question that offers an optional scale; required exactly when `optional` is true. */
    optIn: text(400).optional(),
    /** Which way a change is good news (WHO-5, BRS: higher; the symptom scales: lower), for trends. */
    better: z.enum(['lower', 'higher']),
    /** Whether the cut-offs come from the instrument's authors or are a common convention. */
    bandsBasis: z.enum(['published', 'convention']),
    bandsNote: text(400).optional(),
    /** Contiguous, in ascending order, covering `range` exactly. */
    bands: z.array(bandSchema).min(1).max(8),
  })
  .strict()
  .superRefine((scale, ctx) => {
    if (scale.optional && !scale.optIn) {
      ctx.addIssue({
        code: 'custom',
        path: ['optIn'],
        message: 'An optional scale needs an optIn question.',
      });
    }
    if (!scale.optional && scale.optIn) {
      ctx.addIssue({
        code: 'custom',
        path: ['optIn'],
        message: 'Only an optional scale has an optIn question.',
      });
    }
    duplicates(scale.bands.map((b) => b.id)).forEach((index) =>
      ctx.addIssue({ code: 'custom', path: ['bands', index, 'id'], message: 'Two bands share this id.' }),
    );
    const step = 10 ** scale.decimals;
    const units = (n: number) => Math.round(n * step);
    const first = scale.bands[0];
    const last = scale.bands[scale.bands.length - 1];
    if (first && units(first.min) !== units(scale.range.min)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', 0, 'min'],
        message: `The first band must start at the scale's minimum, ${scale.range.min}.`,
      });
    }
    if (last && units(last.max) !== units(scale.range.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', scale.bands.length - 1, 'max'],
        message: `The last band must end at the scale's maximum, ${scale.range.max}.`,
      });
    }
    scale.bands.forEach((band, index) => {
      if (band.min > band.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index, 'max'],
          message: 'max must not be below min.',
        });
      }
      const decimals = scale.decimals;
      if (roundHalfUp(band.min, decimals) !== band.min || roundHalfUp(band.max, decimals) !== band.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index],
          message: `Band limits must have at most ${scale.decimals} decimal places, like the score.`,
        });
      }
      const previous = scale.bands[index - 1];
      if (previous && units(band.min) !== units(previous.max) + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index, 'min'],
          message: `Must follow the previous band without gap or overlap: expected ${
            (units(previous.max) + 1) / step
          }.`,
        });
      }
    });
  });

const safetyTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), item: slug('item ids') }).strict(),
  z.object({ kind: z.literal('scale'), scale: slug('scale ids') }).strict(),
]);

export const safetyRuleSchema = z
  .object({
    id: slug('safety rule ids'),
    /** An item's answered value (before reversal) or a scale's rounded score. */
    target: safetyTargetSchema,
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    /** Why the calm crisis screen is shown, in the person's terms. */
    reason: text(300),
  })
  .strict()
  .refine((rule) => rule.atLeast !== undefined || rule.atMost !== undefined, {
    message: 'Give atLeast, atMost or both.',
    path: ['atLeast'],
  });

const measureObjectSchema = z
  .object({
    /** Also the file name: content/measures/<id>.json. */
    id: slug('measure ids'),
    /** As it is usually written, e.g. "PHQ-9". */
    shortName: text(20),
    /**
     * What the list and headings call it, from what it is for ("Stress check" for the PSS-10), so
     * a person meets a purpose first and the instrument's name only small beside it.
     */
    plainName: text(40),
    /**
     * 'more' for the clinical screeners (PHQ-9, GAD-7, K10): kept under "More check-ins", so the
     * list opens on the everyday checks and nobody is nudged towards a diagnosis-shaped form.
     */
    group: z.enum(['everyday', 'more']).default('everyday'),
    name: text(120),
    /** What it asks about, in plain words, for the list of check-ins. */
    summary: text(300),
    minutes: z.number().int().min(1).max(30),
    /** The period the questions ask about; null when the published form names none (CBI, BRS). */
    recallPeriod: z
      .object({ label: text(40), days: z.number().int().min(1).max(366) })
      .strict()
      .nullable(),
    /** Shown before the items; the published wording unless `adaptations` says otherwise. */
    instructions: text(800),
    optionSets: z.array(optionSetSchema).min(1).max(6),
    /** In the published order. */
    items: z.array(measureItemSchema).min(1).max(60),
    scales: z.array(measureScaleSchema).min(1).max(8),
    /** The scales to show first (a total; or each CBI scale). */
    primaryScales: z.array(slug('scale ids')).min(1).max(8),
    safety: z.array(safetyRuleSchema).max(8).default([]),
    sources: z
      .array(z.object({ citation: text(400), url: httpsUrl.optional() }).strict())
      .min(1)
      .max(6),
    licence: z
      .object({
        summary: text(400),
        /** 'ask-permission' until the holder has agreed to Stillroom's use. */
        commercialUse: z.enum(['free', 'ask-permission']),
        url: httpsUrl.optional(),
        /** A copyright notice the holder requires to appear with the instrument; shown with it. */
        notice: text(300).optional(),
      })
      .strict(),
    /**
     * Suggestions from single answers rather than the score (WHO-5: any item at 0 or 1 suggests
     * a depression check, whatever the total). They join the scale's band suggestions.
     */
    itemSuggestions: z
      .array(
        z
          .object({
            scale: slug('scale ids'),
            /** Fires when any of the scale's items is answered at or below this value. */
            anyItemAtMost: z.number(),
            suggestMeasures: z.array(slug('measure ids')).min(1).max(3),
          })
          .strict(),
      )
      .max(4)
      .default([]),
    /** Every departure from the published form, and why. */
    adaptations: z.array(text(400)).max(10).default([]),
    /** When the wording was last checked against the published source; null = not yet. */
    checked: z.iso.date().nullable(),
  })
  .strict();

export const measureSchema = measureObjectSchema.superRefine((measure, ctx) =>
  checkReferences(measure, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);

export type AnswerOption = z.infer<typeof answerOptionSchema>;
export type OptionSet = z.infer<typeof optionSetSchema>;
export type MeasureItem = z.infer<typeof measureItemSchema>;
export type Band = z.infer<typeof bandSchema>;
export type MeasureScale = z.infer<typeof measureScaleSchema>;
export type SafetyRule = z.infer<typeof safetyRuleSchema>;
export type Measure = z.infer<typeof measureSchema>;

/** Indexes of every value that appeared earlier in the list. */
function duplicates<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const found: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) found.push(index);
    seen.add(value);
  });
  return found;
}

/** Cross-references inside one file: ids unique and resolvable, ranges agreeing with the items. */
function checkReferences(
  m: z.output<typeof measureObjectSchema>,
  issue: (path: (string | number)[], message: string) => void,
): void {
  duplicates(m.optionSets.map((s) => s.id)).forEach((i) => issue(['optionSets', i, 'id'], 'Duplicate id.'));
  duplicates(m.items.map((s) => s.id)).forEach((i) => issue(['items', i, 'id'], 'Duplicate id.'));
  duplicates(m.scales.map((s) => s.id)).forEach((i) => issue(['scales', i, 'id'], 'Duplicate id.'));
  duplicates(m.safety.map((s) => s.id)).forEach((i) => issue(['safety', i, 'id'], 'Duplicate id.'));

  const sets = new Map(m.optionSets.map((set) => [set.id, set]));
  const scaleIds = new Set(m.scales.map((s) => s.id));
  const usedSets = new Set<string>();
  m.items.forEach((item, index) => {
    if (!sets.has(item.options)) issue(['items', index, 'options'], `No option set "${item.options}".`);
    usedSets.add(item.options);
    item.scales.forEach((scaleId, s) => {
      if (!scaleIds.has(scaleId)) issue(['items', index, 'scales', s], `No scale "${scaleId}".`);
    });
    duplicates(item.scales).forEach((s) => issue(['items', index, 'scales', s], 'Listed twice.'));
    if (item.reversed && item.scales.length === 0) {
      issue(['items', index, 'reversed'], 'An unscored item cannot be reversed.');
    }
  });
  m.optionSets.forEach((set, index) => {
    if (!usedSets.has(set.id)) issue(['optionSets', index, 'id'], 'No item uses this option set.');
  });

  m.scales.forEach((scale, index) => {
    const members = m.items.filter((item) => item.scales.includes(scale.id));
    if (members.length === 0) {
      issue(['scales', index], 'No item belongs to this scale.');
      return;
    }
    const bounds = members.map((item) => valueBounds(sets.get(item.options)));
    if (bounds.some((b) => b === undefined)) return;
    const lows = bounds.reduce((total, b) => total + (b?.min ?? 0), 0);
    const highs = bounds.reduce((total, b) => total + (b?.max ?? 0), 0);
    const divisor = scale.aggregation === 'mean' ? members.length : 1;
    const expected = {
      min: roundHalfUp((lows * scale.multiplier) / divisor, scale.decimals),
      max: roundHalfUp((highs * scale.multiplier) / divisor, scale.decimals),
    };
    if (expected.min !== scale.range.min || expected.max !== scale.range.max) {
      issue(
        ['scales', index, 'range'],
        `The items give ${expected.min}–${expected.max}, not ${scale.range.min}–${scale.range.max}.`,
      );
    }
  });

  m.primaryScales.forEach((scaleId, index) => {
    if (!scaleIds.has(scaleId)) issue(['primaryScales', index], `No scale "${scaleId}".`);
  });
  duplicates(m.primaryScales).forEach((i) => issue(['primaryScales', i], 'Listed twice.'));

  m.safety.forEach((rule, index) => {
    if (rule.target.kind === 'scale' && !scaleIds.has(rule.target.scale)) {
      issue(['safety', index, 'target', 'scale'], `No scale "${rule.target.scale}".`);
    }
    if (rule.target.kind === 'item') {
      const itemId = rule.target.item;
      const item = m.items.find((candidate) => candidate.id === itemId);
      if (!item) issue(['safety', index, 'target', 'item'], `No item "${itemId}".`);
    }
  });
  m.itemSuggestions.forEach((rule, index) => {
    if (!scaleIds.has(rule.scale)) issue(['itemSuggestions', index, 'scale'], `No scale "${rule.scale}".`);
  });
}

/** Smallest and largest value of an option set (used for reversal and ranges). */
export function valueBounds(set: OptionSet | undefined): { min: number; max: number } | undefined {
  if (!set || set.options.length === 0) return undefined;
  const values = set.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Rounds half up (towards +∞) to `decimals` places. Goes through the decimal string so that
 * 2.675 → 2.68 as a person would round it, not 2.67 as binary floating point would.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const [m2 = '0', e2 = '0'] = String(shifted).split('e');
  return Number(`${m2}e${Number(e2) - decimals}`) + 0;
}

// ---------------------------------------------------------------------------------------------
// Answers and results (what the Api carries).

/** Item id → the chosen option's value. Optional and unscored items may be left out. */
export const measureAnswersSchema = z
  .record(z.string().max(40), z.number())
  .refine((answers) => Object.keys(answers).length <= 60, 'Too many answers.');

export const measureSubmissionSchema = z
  .object({
    measureId: slug('measure ids'),
    answers: measureAnswersSchema,
    /** Optional scales the person chose to answer (CBI: ["client"]). */
    optionalScales: z.array(slug('scale ids')).max(8).default([]),
  })
  .strict();

export const bandResultSchema = bandSchema.pick({
  id: true,
  label: true,
  description: true,
  helps: true,
  suggestMeasures: true,
  suggestProfessional: true,
});

export const scaleResultSchema = z.object({
  scaleId: z.string(),
  label: z.string(),
  score: z.number(),
  range: z.object({ min: z.number(), max: z.number() }),
  primary: z.boolean(),
  band: bandResultSchema,
});

export const skippedScaleSchema = z.object({
  scaleId: z.string(),
  /** not_chosen: an optional scale the person did not opt into; incomplete: opted in, not all answered. */
  reason: z.enum(['not_chosen', 'incomplete']),
  missingItems: z.array(z.string()),
});

export const safetyResultSchema = z.object({
  /** True when any rule fired: show the calm crisis screen at once. */
  triggered: z.boolean(),
  reasons: z.array(z.object({ ruleId: z.string(), reason: z.string() })),
});

export const measureResultSchema = z.object({
  measureId: z.string(),
  /** Scored scales, in file order. */
  scales: z.array(scaleResultSchema),
  skippedScales: z.array(skippedScaleSchema),
  safety: safetyResultSchema,
  /** Answers to unscored items (PHQ-9 / GAD-7 difficulty), echoed with their labels. */
  unscored: z.array(z.object({ itemId: z.string(), value: z.number(), label: z.string() })),
});

export const ANSWER_ISSUE_CODES = [
  'missing_answer',
  'unknown_item',
  'not_a_number',
  'not_an_option',
  'unknown_scale',
] as const;

export const answerIssueSchema = z.object({
  code: z.enum(ANSWER_ISSUE_CODES),
  /** The item (or, for unknown_scale, the scale) the problem is about. */
  itemId: z.string(),
  /** One sentence naming the question, e.g. 'Question 3 ("q3") needs an answer.' */
  message: z.string(),
});

/** Just enough to list the questionnaires without sending every item. */
export const measureSummarySchema = z.object({
  id: z.string(),
  shortName: z.string(),
  plainName: z.string(),
  group: z.enum(['everyday', 'more']),
  name: z.string(),
  summary: z.string(),
  minutes: z.number(),
  recallPeriod: z.object({ label: z.string(), days: z.number() }).nullable(),
  itemCount: z.number().int(),
  optionalScales: z.array(z.object({ id: z.string(), label: z.string(), optIn: z.string() })),
});

export type MeasureAnswers = z.infer<typeof measureAnswersSchema>;
export type MeasureSubmission = z.output<typeof measureSubmissionSchema>;
export type BandResult = z.infer<typeof bandResultSchema>;
export type ScaleResult = z.infer<typeof scaleResultSchema>;
export type SkippedScale = z.infer<typeof skippedScaleSchema>;
export type SafetyResult = z.infer<typeof safetyResultSchema>;
export type MeasureResult = z.infer<typeof measureResultSchema>;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];
export type AnswerIssue = z.infer<typeof answerIssueSchema>;
export type MeasureSummary = z.infer<typeof measureSummarySchema>;
