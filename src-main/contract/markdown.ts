import { z } from 'zod';

/*
 * Course steps and library articles are written in Markdown, parsed once in main (infra) into
 * this small tree and rendered by the page as React elements. The page never parses Markdown and
 * never sets HTML, so content can carry no script or markup, whatever a content pack holds.
 *
 * Links: `https://…` and `mailto:` open outside the app (allow-listed by the shell); `article:<id>`
 * and `module:<id>` move inside it.
 */

export type MarkdownInline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: MarkdownInline[] }
  | { t: 'em'; c: MarkdownInline[] }
  | { t: 'link'; href: string; c: MarkdownInline[] }
  | { t: 'br' };

export type MarkdownBlock =
  | { t: 'p'; c: MarkdownInline[] }
  | { t: 'h'; level: 2 | 3 | 4; c: MarkdownInline[] }
  | { t: 'ul'; items: MarkdownBlock[][] }
  | { t: 'ol'; start: number; items: MarkdownBlock[][] }
  | { t: 'quote'; c: MarkdownBlock[] };

/**
 * `mailto:` is a plain address only: queries such as `?attach=/etc/passwd` or `?body=` have been
 * abused through mail clients, and no content needs them.
 */
export const MARKDOWN_LINK =
  /^(https:\/\/|mailto:[^\s?#@]+@[^\s?#@]+$|article:[a-z0-9-]+$|module:m(?:[1-9]|10)$)/;

const inlineSchema: z.ZodType<MarkdownInline> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('text'), v: z.string().max(20_000) }),
    z.object({ t: z.literal('strong'), c: z.array(inlineSchema).max(500) }),
    z.object({ t: z.literal('em'), c: z.array(inlineSchema).max(500) }),
    z.object({
      t: z.literal('link'),
      href: z.string().max(500).regex(MARKDOWN_LINK),
      c: z.array(inlineSchema).max(500),
    }),
    z.object({ t: z.literal('br') }),
  ]),
);

const blockSchema: z.ZodType<MarkdownBlock> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('p'), c: z.array(inlineSchema).max(2000) }),
    z.object({
      t: z.literal('h'),
      level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
      c: z.array(inlineSchema).max(200),
    }),
    z.object({ t: z.literal('ul'), items: z.array(z.array(blockSchema).max(50)).max(200) }),
    z.object({
      t: z.literal('ol'),
      start: z.number().int().min(0).max(10_000),
      items: z.array(z.array(blockSchema).max(50)).max(200),
    }),
    z.object({ t: z.literal('quote'), c: z.array(blockSchema).max(200) }),
  ]),
);

export const markdownSchema = z.array(blockSchema).max(2000);
export type Markdown = MarkdownBlock[];
