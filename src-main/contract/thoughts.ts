import { z } from 'zod';
import { isoDateTimeSchema as iso } from './primitives';

/*
 * The thought record (course module 3): a situation, the automatic thoughts it brought and how
 * strongly each was believed, the feelings and how strong they were, the thinking traps spotted,
 * the evidence for and against, a balanced thought, and the belief and feelings re-rated after.
 *
 * A draft is saved as the person types (the page autosaves often), so a draft accepts any part of
 * it, empty rows and unrated thoughts included, and its text is stored exactly as typed. Marking it
 * complete is when every step must be there; each missing step is named in the error.
 */

export const THOUGHT_STATUSES = ['draft', 'complete'] as const;
export type ThoughtStatus = (typeof THOUGHT_STATUSES)[number];

export const THOUGHT_LIMITS = {
  situation: 2000,
  thoughtText: 1000,
  automaticThoughts: 10,
  emotionName: 60,
  emotions: 10,
  thinkingTraps: 12,
  evidence: 4000,
  balancedThought: 2000,
} as const;

// ---- thinking traps (content/program/thinking-traps.json) -------------------------------------

export const thinkingTrapIdSchema = z
  .string()
  .max(40)
  .regex(/^[a-z]+(?:-[a-z]+)*$/, 'Use a thinking trap id, such as "mind-reading".');

export const thinkingTrapSchema = z
  .object({
    id: thinkingTrapIdSchema,
    name: z.string().min(1).max(60),
    /** One plain sentence, in the course's voice. */
    description: z.string().min(1).max(300),
    /** What the trap can sound like at work, in the person's own words. */
    example: z.string().min(1).max(200),
  })
  .strict();

export type ThinkingTrap = z.infer<typeof thinkingTrapSchema>;

export const thinkingTrapsContentSchema = z
  .object({ traps: z.array(thinkingTrapSchema).min(1).max(30) })
  .strict()
  .superRefine(({ traps }, ctx) => {
    const seen = new Set<string>();
    traps.forEach((trap, index) => {
      if (seen.has(trap.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['traps', index, 'id'],
          message: `"${trap.id}" is used twice.`,
        });
      }
      seen.add(trap.id);
    });
  });

// ---- the record -------------------------------------------------------------------------------

const percent = z.number().int().min(0).max(100);
/** 0-100; null while a draft has not been rated yet. */
const rating = percent.nullable().default(null);
const text = (max: number) => z.string().max(max).default('');

const automaticThoughtSchema = z.object({ text: text(THOUGHT_LIMITS.thoughtText), belief: rating }).strict();

const emotionSchema = z.object({ name: text(THOUGHT_LIMITS.emotionName), intensity: rating }).strict();

const emotionsSchema = z.array(emotionSchema).max(THOUGHT_LIMITS.emotions).default([]);

const thinkingTrapsSchema = z
  .array(thinkingTrapIdSchema)
  .max(THOUGHT_LIMITS.thinkingTraps)
  .default([])
  .refine((ids) => new Set(ids).size === ids.length, 'Choose each thinking trap once.');

/** The parts a person writes, shared by save (new or edited) and restore (back exactly). */
const contentShape = {
  situation: text(THOUGHT_LIMITS.situation),
  automaticThoughts: z.array(automaticThoughtSchema).max(THOUGHT_LIMITS.automaticThoughts).default([]),
  emotions: emotionsSchema,
  /** Ids from content/program/thinking-traps.json; checked against it when saved. */
  thinkingTraps: thinkingTrapsSchema,
  evidenceFor: text(THOUGHT_LIMITS.evidence),
  evidenceAgainst: text(THOUGHT_LIMITS.evidence),
  balancedThought: text(THOUGHT_LIMITS.balancedThought),
  /** After the balanced thought: how much the original thought is believed now, and the feelings. */
  rerated: z
    .object({ belief: rating, emotions: emotionsSchema })
    .strict()
    .default({ belief: null, emotions: [] }),
};

type RecordContent = z.output<z.ZodObject<typeof contentShape>>;

export interface CompletionGap {
  path: (string | number)[];
  message: string;
}

const blank = (value: string) => value.trim().length === 0;

/**
 * What a record still needs before it can be complete, each with the field it concerns and a
 * sentence for people. Empty for a record that is ready. The page can call this too, to show how
 * far a draft has come.
 */
export function completionGaps(record: RecordContent): CompletionGap[] {
  const gaps: CompletionGap[] = [];
  if (blank(record.situation)) {
    gaps.push({ path: ['situation'], message: 'Describe the situation: where you were and what happened.' });
  }
  if (record.automaticThoughts.length === 0) {
    gaps.push({
      path: ['automaticThoughts'],
      message: 'Write down at least one thought that went through your mind.',
    });
  }
  record.automaticThoughts.forEach((thought, i) => {
    if (blank(thought.text)) {
      gaps.push({
        path: ['automaticThoughts', i, 'text'],
        message: 'Write the thought, or remove this row.',
      });
    }
    if (thought.belief === null) {
      gaps.push({
        path: ['automaticThoughts', i, 'belief'],
        message: 'Rate how much you believed this thought, from 0 to 100.',
      });
    }
  });
  gaps.push(
    ...emotionGaps(record.emotions, ['emotions'], 'Name at least one feeling and rate how strong it was.'),
  );
  if (blank(record.balancedThought)) {
    gaps.push({
      path: ['balancedThought'],
      message: 'Write a balanced thought: a fairer way of seeing it, taking in the evidence on both sides.',
    });
  }
  if (record.rerated.belief === null) {
    gaps.push({
      path: ['rerated', 'belief'],
      message: 'Rate how much you believe the original thought now, from 0 to 100.',
    });
  }
  gaps.push(
    ...emotionGaps(
      record.rerated.emotions,
      ['rerated', 'emotions'],
      'Rate how strong your feelings are now, after the balanced thought.',
    ),
  );
  return gaps;
}

function emotionGaps(emotions: RecordContent['emotions'], at: string[], none: string): CompletionGap[] {
  if (emotions.length === 0) return [{ path: at, message: none }];
  return emotions.flatMap((emotion, i) => [
    ...(blank(emotion.name)
      ? [{ path: [...at, i, 'name'], message: 'Name the feeling, or remove this row.' }]
      : []),
    ...(emotion.intensity === null
      ? [{ path: [...at, i, 'intensity'], message: 'Rate how strong this feeling was, from 0 to 100.' }]
      : []),
  ]);
}

function requireCompleteness(record: RecordContent & { status: ThoughtStatus }, ctx: z.RefinementCtx): void {
  if (record.status !== 'complete') return;
  for (const gap of completionGaps(record))
    ctx.addIssue({ code: 'custom', path: gap.path, message: gap.message });
}

export const thoughtRecordInputSchema = z
  .object({
    /** Present when updating a saved record (a draft being autosaved, or an edit). */
    id: z.uuid().optional(),
    status: z.enum(THOUGHT_STATUSES).default('draft'),
    /** When it happened. Left out: now for a new record, unchanged for a saved one. */
    occurredAt: iso.optional(),
    ...contentShape,
  })
  .strict()
  .superRefine(requireCompleteness);

/** A record exactly as thoughts.get and thoughts.delete return it, for thoughts.restore (undo). */
export const thoughtRecordRestoreSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(THOUGHT_STATUSES),
    occurredAt: iso,
    ...contentShape,
    createdAt: iso,
    updatedAt: iso,
  })
  .strict()
  .superRefine(requireCompleteness);

const ratingOut = z.number().int().nullable();
const emotionOut = z.object({ name: z.string(), intensity: ratingOut });

export const thoughtRecordSchema = z.object({
  id: z.string(),
  status: z.enum(THOUGHT_STATUSES),
  occurredAt: z.string(),
  situation: z.string(),
  automaticThoughts: z.array(z.object({ text: z.string(), belief: ratingOut })),
  emotions: z.array(emotionOut),
  thinkingTraps: z.array(z.string()),
  evidenceFor: z.string(),
  evidenceAgainst: z.string(),
  balancedThought: z.string(),
  rerated: z.object({ belief: ratingOut, emotions: z.array(emotionOut) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ThoughtRecord = z.infer<typeof thoughtRecordSchema>;
export type ThoughtRecordInput = z.output<typeof thoughtRecordInputSchema>;
export type ThoughtRecordRestore = z.output<typeof thoughtRecordRestoreSchema>;

const byId = z.object({ id: z.uuid() }).strict();

export const thoughtCalls = {
  /** The thinking traps to choose from (course content, not personal: answered while locked too). */
  'thoughts.traps': {
    input: z.object({}).strict(),
    output: z.object({ traps: z.array(thinkingTrapSchema) }),
  },
  'thoughts.save': { input: thoughtRecordInputSchema, output: thoughtRecordSchema },
  /** The record, or null when there is none with that id (deleted meanwhile, say). */
  'thoughts.get': { input: byId, output: z.object({ record: thoughtRecordSchema.nullable() }) },
  'thoughts.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        /** Records that happened before this moment (for paging back in time). */
        before: iso.optional(),
        status: z.enum(THOUGHT_STATUSES).optional(),
      })
      .strict(),
    output: z.object({ records: z.array(thoughtRecordSchema), total: z.number().int() }),
  },
  /** Answers the deleted record, so the page can offer to undo with thoughts.restore. */
  'thoughts.delete': { input: byId, output: thoughtRecordSchema },
  /** Puts a deleted record back exactly (same id and times); refused if that id exists. */
  'thoughts.restore': { input: thoughtRecordRestoreSchema, output: thoughtRecordSchema },
} as const;
