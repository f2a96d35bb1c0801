import { z } from 'zod';
import { isoDateTimeSchema as iso } from './primitives';

const text = (max: number) => z.string().max(max).default('');

/** What a person writes in a stress diary entry, shared by save and restore. */
const entryContent = {
  occurredAt: iso,
  stress: z.number().int().min(0).max(10),
  what: z.string().trim().min(1, 'Say in a few words what happened.').max(4000),
  body: text(2000),
  thoughts: text(4000),
  actions: text(4000),
};

export const stressEntryInputSchema = z
  .object({
    /** Present when editing an existing entry. */
    id: z.string().uuid().optional(),
    ...entryContent,
  })
  .strict();

/** An entry exactly as diary.delete returned it, for diary.restore (undo). */
export const stressEntryRestoreSchema = z
  .object({
    id: z.string().uuid(),
    ...entryContent,
    createdAt: iso,
    updatedAt: iso,
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
export type StressEntryRestore = z.output<typeof stressEntryRestoreSchema>;

export const SEARCH_KINDS = ['stress', 'thought'] as const;
export const SEARCH_QUERY_MAX_LENGTH = 1000;

/**
 * Highlighted text as plain pieces: `match` marks the words that matched. The page renders each
 * piece as text, so nothing a person wrote is ever read as markup.
 */
export const textSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type TextSegment = z.infer<typeof textSegmentSchema>;

export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  occurredAt: z.string(),
  /** What happened (stress entry) or the situation (thought record), shortened; may be empty for a draft. */
  title: z.string(),
  /** A few words around the best match, with the matching words marked. */
  snippet: z.array(textSegmentSchema),
});

export type SearchResult = z.infer<typeof searchResultSchema>;

export const diaryCalls = {
  'diary.save': { input: stressEntryInputSchema, output: stressEntrySchema },
  'diary.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        /** Entries that happened before this moment (for paging back in time). */
        before: iso.optional(),
        /** Entries that happened at or after this moment: with `to`, a week (or any span) to browse. */
        from: iso.optional(),
        /** Entries that happened before this moment (the end is not included: [from, to)). */
        to: iso.optional(),
      })
      .strict()
      .refine((range) => !range.from || !range.to || Date.parse(range.from) < Date.parse(range.to), {
        path: ['to'],
        message: 'Must be later than from.',
      }),
    /** `total` counts every entry in [from, to) (all entries when neither is given), not just this page. */
    output: z.object({ entries: z.array(stressEntrySchema), total: z.number().int() }),
  },
  /** Answers the deleted entry, so the page can offer to undo with diary.restore. */
  'diary.delete': { input: z.object({ id: z.string().uuid() }).strict(), output: stressEntrySchema },
  /** Puts a deleted entry back exactly (same id and times); refused if that id exists. */
  'diary.restore': { input: stressEntryRestoreSchema, output: stressEntrySchema },
  /**
   * Searches the stress diary and thought records, best match first (bm25; for a word found in
   * thousands of entries, among the most recently written 2,000 matches). Meant to be called as
   * the person types: every word must match, and the last one matches as a prefix from its second
   * letter unless the query ends with a space. Whatever is typed is searched for as words, never
   * read as search syntax; a query with no letters, digits or symbols answers no results.
   */
  'diary.search': {
    input: z
      .object({
        query: z.string().max(SEARCH_QUERY_MAX_LENGTH),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ results: z.array(searchResultSchema) }),
  },
} as const;
