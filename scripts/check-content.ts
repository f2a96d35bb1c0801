/**
 * For content writers: checks the course modules, library articles and Monday messages against
 * their schemas and prints each problem with its file and field. The same schemas run in the
 * tests and at load; this is the quick loop while writing.
 *
 *   npx tsx scripts/check-content.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ZodType } from 'zod';
import { courseModuleSchema } from '../src-main/contract/course-content';
import { mondayMessageSchema } from '../src-main/contract/library-content';
import { linkProblems, loadShippedArticles, parseArticle } from '../src-main/infra/content/library-content';
import { parseMarkdown } from '../src-main/infra/content/markdown';

const root = join(import.meta.dirname, '..', 'content');
let problems = 0;

function report(file: string, schema: ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    problems += 1;
    console.log(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
}

function markdownProblems(where: string, source: string): void {
  for (const message of parseMarkdown(source).problems) {
    problems += 1;
    console.log(`${where}: ${message}`);
  }
}

function filesIn(dir: string, extension: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(full, name));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems += 1;
    console.log(`${file}: not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

const modules = filesIn('program/modules', '.json');
for (const file of modules) {
  const json = readJson(file);
  if (json !== undefined) report(file, courseModuleSchema, json);
  const steps = (json as { steps?: { id?: string; body?: unknown }[] } | undefined)?.steps ?? [];
  for (const step of steps) {
    if (typeof step.body === 'string') markdownProblems(`${file} step ${step.id}`, step.body);
  }
}

// Each article through the app's own parser, so this says exactly what the app would refuse.
const articles = filesIn('library', '.md');
for (const file of articles) {
  try {
    const article = parseArticle(file, readFileSync(file, 'utf8'), basename(file, '.md'), 'shipped');
    console.log(`${file}: ${article.text.split(/\s+/).filter(Boolean).length} words`);
  } catch (error) {
    problems += 1;
    console.log(error instanceof Error ? error.message : String(error));
  }
}

// Related articles and in-text links must name articles that exist (only once each file is valid).
try {
  for (const message of linkProblems(loadShippedArticles(root))) {
    problems += 1;
    console.log(`content/library/${message}`);
  }
} catch {
  // A file above has problems of its own; they are already listed.
}

const messages = filesIn('messages/monday', '.json');
for (const file of messages) {
  const json = readJson(file);
  if (json !== undefined) report(file, mondayMessageSchema, json);
}

console.log(
  `${modules.length} modules, ${articles.length} articles, ${messages.length} Monday messages; ${problems} problems.`,
);
process.exitCode = problems === 0 ? 0 : 1;
