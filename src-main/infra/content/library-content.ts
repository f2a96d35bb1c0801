import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleFrontMatterSchema, MODULE_IDS } from '../../contract';
import type { LibraryArticle } from '../../core/library/library-catalog';
import { describeZodIssues } from '../../core/validation/describe-issues';
import { ContentError } from './content-files';
import { listContentFiles } from './content-files';
import { markdownLinks, parseMarkdown } from './markdown';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;
/** Far above any article (they are 2–6 minutes); a guard against a runaway file. */
export const ARTICLE_MAX_BYTES = 100 * 1024;

/**
 * One article file: YAML front matter (articleFrontMatterSchema) then Markdown. `where` names the
 * file in messages; the id must equal the file name. Used for shipped files and for every file in
 * a content pack, so a pack is held to exactly the same rules.
 */
export function parseArticle(
  where: string,
  source: string,
  expectedId: string,
  origin: string,
): LibraryArticle {
  if (Buffer.byteLength(source, 'utf8') > ARTICLE_MAX_BYTES) {
    throw new ContentError(where, [`larger than ${ARTICLE_MAX_BYTES / 1024} KB`]);
  }
  const match = FRONT_MATTER.exec(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!match) throw new ContentError(where, ['needs YAML front matter between two "---" lines at the top']);
  let yaml: unknown;
  try {
    yaml = parseYaml(match[1] ?? '', { maxAliasCount: 10 });
  } catch (error) {
    throw new ContentError(where, [
      `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    ]);
  }
  const parsed = articleFrontMatterSchema.safeParse(yaml);
  if (!parsed.success) throw new ContentError(where, describeZodIssues(parsed.error.issues));
  if (parsed.data.id !== expectedId) {
    throw new ContentError(where, [
      `id: "${parsed.data.id}" does not match the file name "${expectedId}.md"`,
    ]);
  }
  const markdown = parseMarkdown(match[2] ?? '');
  if (markdown.problems.length > 0) throw new ContentError(where, markdown.problems);
  return { ...parsed.data, body: markdown.tree, text: markdown.text, origin };
}

/** Every article in content/library/, in file-name order, each checked on its own. */
export function loadShippedArticles(contentDir: string): LibraryArticle[] {
  const dir = join(contentDir, 'library');
  const names = listContentFiles(dir, '.md', { slugNames: true });
  return names.map((name) => {
    const file = join(dir, name);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
    }
    return parseArticle(file, source, name.replace(/\.md$/, ''), 'shipped');
  });
}

/**
 * What one article cannot check alone: its related articles and its `article:` links name
 * articles in the same library, and its `module:` links name course modules. Problems name the
 * article and the field.
 */
export function linkProblems(articles: readonly LibraryArticle[]): string[] {
  const ids = new Set(articles.map((article) => article.id));
  const modules = new Set<string>(MODULE_IDS);
  const problems: string[] = [];
  for (const article of articles) {
    article.related.articles.forEach((id, index) => {
      if (!ids.has(id)) problems.push(`${article.id}: related.articles.${index}: no article "${id}"`);
      if (id === article.id)
        problems.push(`${article.id}: related.articles.${index}: an article cannot relate to itself`);
    });
    for (const href of markdownLinks(article.body)) {
      const [scheme, id = ''] = href.split(':', 2);
      if (scheme === 'article' && !ids.has(id))
        problems.push(`${article.id}: body links to no article "${id}"`);
      if (scheme === 'module' && !modules.has(id))
        problems.push(`${article.id}: body links to no module "${id}"`);
    }
  }
  return problems;
}
