import { z } from 'zod';

/**
 * Drafts: what someone has typed but not yet saved, kept so that a section change, a reload or a
 * lock loses nothing. They are the user's own words, so they live in the encrypted vault like
 * everything else, never in the page's storage.
 */

/** How many fields one draft may hold, and how long each may be (the longest form field is 10,000). */
export const DRAFT_LIMITS = { fields: 40, fieldName: 60, fieldLength: 10_000 } as const;

/**
 * Which form a draft belongs to: short dotted lower-case words, such as `diary.quick`,
 * `checkin.phq-9`, `share.note`, `course.m1.worry-time` or `onboarding`.
 */
export const draftKeySchema = z
  .string()
  .max(80)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*){0,3}$/,
    'Use a draft key of lower-case words joined by dots, such as "diary.quick".',
  );

const fieldNameSchema = z
  .string()
  .regex(
    new RegExp(`^[A-Za-z0-9_.-]{1,${DRAFT_LIMITS.fieldName}}$`),
    `Use field names of letters, digits, "_", "." and "-" (up to ${DRAFT_LIMITS.fieldName}).`,
  );

export const draftFieldsSchema = z
  .record(
    fieldNameSchema,
    z
      .string()
      .max(DRAFT_LIMITS.fieldLength, `A draft field holds up to ${DRAFT_LIMITS.fieldLength} characters.`),
  )
  .refine(
    (fields) => Object.keys(fields).length <= DRAFT_LIMITS.fields,
    `A draft holds up to ${DRAFT_LIMITS.fields} fields.`,
  );

export type DraftFields = z.infer<typeof draftFieldsSchema>;

export const draftSchema = z.object({
  key: draftKeySchema,
  fields: draftFieldsSchema,
  updatedAt: z.string(),
});

export type Draft = z.infer<typeof draftSchema>;

export const draftCalls = {
  /** The saved draft for that form, or null when there is none. */
  'drafts.get': {
    input: z.object({ key: draftKeySchema }).strict(),
    output: z.object({ draft: draftSchema.nullable() }),
  },
  /** Replaces the draft for that form (the whole set of fields, not a patch). */
  'drafts.save': {
    input: z.object({ key: draftKeySchema, fields: draftFieldsSchema }).strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  /** Forgets the draft (after the form is submitted, or "Start afresh"); fine when there is none. */
  'drafts.clear': {
    input: z.object({ key: draftKeySchema }).strict(),
    output: z.object({ cleared: z.boolean() }),
  },
} as const;
