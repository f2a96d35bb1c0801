import { z } from 'zod';

const text = (max: number) => z.string().max(max).default('');

export const stressEntryInputSchema = z
  .object({
    /** Present when editing an existing entry. */
    id: z.string().uuid().optional(),
    occurredAt: z.iso.datetime({ offset: true }),
    stress: z.number().int().min(0).max(10),
    what: z.string().trim().min(1, 'Say in a few words what happened.').max(4000),
    body: text(2000),
    thoughts: text(4000),
    actions: text(4000),
  })
  .strict();

export const stressEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  stress: z.number().int(),
  what: z.string(),
  body: z.string(),
  thoughts: z.string(),
  actions: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type StressEntry = z.infer<typeof stressEntrySchema>;
export type StressEntryInput = z.output<typeof stressEntryInputSchema>;

export const diaryCalls = {
  'diary.save': { input: stressEntryInputSchema, output: stressEntrySchema },
  'diary.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        /** Entries that happened before this moment (for paging back in time). */
        before: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(stressEntrySchema), total: z.number().int() }),
  },
  'diary.delete': { input: z.object({ id: z.string().uuid() }).strict(), output: z.object({}) },
} as const;
