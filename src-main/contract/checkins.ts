import { z } from 'zod';
import { measureIdSchema as measureId } from './primitives';
import {
  answerIssueSchema,
  measureResultSchema,
  measureSchema,
  measureSubmissionSchema,
  measureSummarySchema,
  safetyResultSchema,
} from './measures';

import { CHECKIN_FREQUENCIES } from './plain';

export type CheckinFrequency = (typeof CHECKIN_FREQUENCIES)[number];

const isoTime = z.string();

const planEntrySchema = z.object({ measureId, frequency: z.enum(CHECKIN_FREQUENCIES) }).strict();

export const dueCheckinSchema = z.object({
  measureId: z.string(),
  name: z.string(),
  frequency: z.enum(CHECKIN_FREQUENCIES),
  lastTakenAt: isoTime.nullable(),
  /** When it became due; null when it is not due (on demand, or taken recently). */
  dueSince: isoTime.nullable(),
});

const planOutput = z.object({
  entries: z.array(planEntrySchema),
  due: z.array(dueCheckinSchema),
});

export const storedResultSchema = z.object({ id: z.string(), takenAt: isoTime, result: measureResultSchema });
export type StoredResult = z.infer<typeof storedResultSchema>;

const line = (max: number) => z.string().max(max).default('');

/**
 * A personal safety plan, in the shape crisis services recommend (Stanley & Brown): the user's
 * own words, kept in the vault, never sent anywhere.
 */
export const safetyPlanSchema = z
  .object({
    warningSigns: line(2000),
    copingSteps: line(2000),
    distractions: line(2000),
    peopleToAsk: line(2000),
    professionals: line(2000),
    saferSurroundings: line(2000),
    reasonsToKeepGoing: line(2000),
  })
  .strict();
export type SafetyPlan = z.output<typeof safetyPlanSchema>;

export const checkinCalls = {
  'measures.list': {
    input: z.object({}).strict(),
    output: z.object({ measures: z.array(measureSummarySchema) }),
  },
  'measures.get': { input: z.object({ measureId }).strict(), output: measureSchema },
  'measures.submit': {
    input: measureSubmissionSchema,
    /**
     * Scored and kept; or not scored because answers are missing or wrong, in which case any
     * safety rule the given answers already meet still comes back, so the safety screen can open.
     */
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('scored'),
        id: z.string(),
        takenAt: isoTime,
        result: measureResultSchema,
      }),
      z.object({
        status: z.literal('incomplete'),
        issues: z.array(answerIssueSchema),
        safety: safetyResultSchema,
      }),
    ]),
  },
  'measures.history': {
    input: z.object({ measureId, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ results: z.array(storedResultSchema) }),
  },
  'checkins.getPlan': { input: z.object({}).strict(), output: planOutput },
  'checkins.setPlan': {
    input: z.object({ entries: z.array(planEntrySchema).max(8) }).strict(),
    output: planOutput,
  },
  'safety.getPlan': {
    input: z.object({}).strict(),
    output: z.object({ plan: safetyPlanSchema.nullable(), updatedAt: isoTime.nullable() }),
  },
  'safety.savePlan': {
    input: safetyPlanSchema,
    output: z.object({ plan: safetyPlanSchema, updatedAt: isoTime }),
  },
} as const;
