import { z } from 'zod';
import { calendarDateSchema } from './primitives';
import { articleIdSchema } from './course-content';
import { moduleIdSchema } from './measures';
import { LIBRARY_TOPICS } from './plain';

/*
 * The library as content.
 *
 * Articles: one Markdown file per article in content/library/<id>.md, with YAML front matter
 * validated by `articleFrontMatterSchema` (the body is the Markdown after the front matter, in
 * the subset the course uses: paragraphs, ## headings, **bold**, *italic*, lists, https links).
 *
 * Monday messages: one JSON file per week in content/messages/monday/01.json … 52.json,
 * validated by `mondayMessageSchema`.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const libraryTopicSchema = z.enum(LIBRARY_TOPICS);

export const articleSourceSchema = z
  .object({
    title: text(300),
    /** Where a reader can check it. Optional for books and printed guidance. */
    url: z
      .string()
      .max(500)
      .url()
      .refine((value) => value.startsWith('https://'), 'Use an https:// address.')
      .optional(),
  })
  .strict();

export const articleFrontMatterSchema = z
  .object({
    id: articleIdSchema,
    title: text(100),
    /** One or two sentences shown in lists and search results. */
    summary: text(300),
    /** Reading time, 2–6 minutes (CONTENT.md). */
    minutes: z.number().int().min(2).max(6),
    topic: libraryTopicSchema,
    /** Free tags for search and "for you": focus-area ids among them tailor suggestions. */
    tags: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
          .max(40),
      )
      .min(1)
      .max(10),
    /** When a person last checked the article (YYYY-MM-DD). */
    reviewed: calendarDateSchema,
    sources: z.array(articleSourceSchema).min(1).max(8),
    related: z
      .object({
        modules: z.array(moduleIdSchema).max(4).default([]),
        articles: z.array(articleIdSchema).max(6).default([]),
      })
      .strict(),
  })
  .strict();

export const mondayMessageSchema = z
  .object({
    /** 1–52; the file name says the same. */
    week: z.number().int().min(1).max(52),
    /** An encouraging line. Never guilt, never a count of what was missed. */
    line: text(200),
    /** One practical wellbeing tip for work. */
    tip: text(400),
    /** Where to read more: a course module or a library article. */
    link: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('module'), id: moduleIdSchema }).strict(),
      z.object({ kind: z.literal('article'), id: articleIdSchema }).strict(),
    ]),
  })
  .strict();

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
export type MondayMessage = z.infer<typeof mondayMessageSchema>;
export type LibraryTopic = z.infer<typeof libraryTopicSchema>;
