import { z } from 'zod';
import { calendarDateSchema } from './primitives';
import { fileIdSchema } from './files';
import { FILE_KIND_INFO } from './files-plain';
import { textSegmentSchema } from './diary';
import { articleIdSchema } from './course-content';
import { articleFrontMatterSchema, libraryTopicSchema } from './library-content';
import { markdownSchema } from './markdown';
import { moduleIdSchema } from './measures';

/*
 * The library's Api: articles (shipped content overlaid with applied content packs), what the
 * user does with them (kept in the vault), search, "for you", and content packs.
 */

export const LIBRARY_QUERY_MAX_LENGTH = 200;
/** A content pack is text only; anything near this size is not one. */
export const CONTENT_PACK_MAX_BYTES = FILE_KIND_INFO['content-pack'].maxBytes;

const articleId = z.object({ id: articleIdSchema }).strict();

/** What the user has done with one article. Times are ISO; null when not done. */
export const articleStateSchema = z.object({
  id: z.string(),
  /** Added by an update (shipped or pack) after the user first opened the library, and not opened yet. */
  isNew: z.boolean(),
  bookmarked: z.boolean(),
  readLater: z.boolean(),
  readAt: z.string().nullable(),
});

export const articleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int(),
  topic: libraryTopicSchema,
  tags: z.array(z.string()),
  reviewed: z.string(),
  state: articleStateSchema,
});

export const articleSchema = articleFrontMatterSchema.extend({
  body: markdownSchema,
  /** 'shipped', or the id of the content pack that brought this version. */
  origin: z.string(),
  state: articleStateSchema,
  relatedArticles: z.array(articleSummarySchema),
  /** The course modules it links to, by name (those the course has), so links read as titles. */
  relatedModules: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string() })),
});

export const librarySearchResultSchema = z.object({
  article: articleSummarySchema,
  /** A few words around the best match in the text, with the matching words marked. */
  snippet: z.array(textSegmentSchema),
});

export const FOR_YOU_REASONS = ['checkin', 'focus', 'course', 'new'] as const;

export const suggestionSchema = z.object({
  article: articleSummarySchema,
  /** Why it is suggested, strongest first; the page turns these into one short line. */
  reasons: z.array(z.enum(FOR_YOU_REASONS)),
});

export const packChangeSchema = z
  .object({
    article: articleIdSchema,
    change: z.enum(['added', 'updated']),
  })
  .strict();

/** The signed part of a content pack says what it is and what it changes. */
export const packManifestSchema = z
  .object({
    /** One id per stream of updates (e.g. "stillroom-library"); a newer version replaces an older one. */
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .max(60),
    version: z.number().int().min(1).max(1_000_000),
    date: calendarDateSchema,
    title: z.string().trim().min(1).max(120),
    changes: z.array(packChangeSchema).min(1).max(200),
  })
  .strict();

export type PackManifest = z.infer<typeof packManifestSchema>;

export const packInfoSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  date: z.string(),
  title: z.string(),
  changes: z.array(packChangeSchema),
  /** 'user' (imported) or 'policy' (from the folder IT named). */
  from: z.enum(['user', 'policy']),
});

export type ArticleState = z.infer<typeof articleStateSchema>;
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export type LibraryArticleView = z.infer<typeof articleSchema>;
export type LibrarySearchResult = z.infer<typeof librarySearchResultSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type ForYouReason = (typeof FOR_YOU_REASONS)[number];
export type PackInfo = z.infer<typeof packInfoSchema>;

export const libraryCalls = {
  /** Every article, by topic then title, with what the user has done with each. */
  'library.list': {
    input: z.object({}).strict(),
    output: z.object({ articles: z.array(articleSummarySchema) }),
  },
  /** One article to read. Does not count as opened: the page calls library.markRead when shown. */
  'library.article': { input: articleId, output: articleSchema },
  /**
   * Searches titles, summaries, tags and text, best match first (bm25, title weighted highest).
   * Like diary.search: typed words are words, never search syntax; the last matches as a prefix.
   */
  'library.search': {
    input: z
      .object({
        query: z.string().max(LIBRARY_QUERY_MAX_LENGTH),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({
      results: z.array(librarySearchResultSchema),
      /** Set when nothing matched what was typed and these corrected words found the results. */
      correctedQuery: z.string().optional(),
    }),
  },
  'library.bookmark': {
    input: z.object({ id: articleIdSchema, on: z.boolean() }).strict(),
    output: articleStateSchema,
  },
  'library.readLater': {
    input: z.object({ id: articleIdSchema, on: z.boolean() }).strict(),
    output: articleStateSchema,
  },
  /** The user opened the article: it is no longer new, and "for you" moves on. */
  'library.markRead': { input: articleId, output: articleStateSchema },
  /** Suggestions from focus areas, recent check-ins and the course; unread only, new first. */
  'library.forYou': {
    input: z.object({ limit: z.number().int().min(1).max(12).default(4) }).strict(),
    output: z.object({
      suggestions: z.array(suggestionSchema),
      /** The course modules the suggestions lean on, for a "because you are on…" line. */
      modules: z.array(moduleIdSchema),
    }),
  },
  /** Verifies a signed content pack file and applies it; refused with a clear message otherwise. */
  'library.importPack': {
    /** From `files.chooseOpen` with kind "content-pack". */
    input: z.object({ file: fileIdSchema }).strict(),
    output: z.object({
      pack: packInfoSchema,
      /** Articles the pack added that were not in the library before. */
      added: z.array(z.string()),
    }),
  },
  /** Applied packs, and any pack that was refused at start (from IT's folder or stored). */
  'library.packs': {
    input: z.object({}).strict(),
    output: z.object({ packs: z.array(packInfoSchema), problems: z.array(z.string()) }),
  },
} as const;
