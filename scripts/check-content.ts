/**
 * For content writers: checks the course modules, library articles and Monday messages against
 * their schemas and prints each problem with its file and field. The same schemas run in the
 * tests and at load; this is the quick loop while writing.
 *
 *   npx tsx scripts/check-content.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ZodType } from 'zod';
import { courseModuleSchema } from '../src-main/contract/course-content';
import { articleFrontMatterSchema, mondayMessageSchema } from '../src-main/contract/library-content';
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

const articles = filesIn('library', '.md');
for (const file of articles) {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems += 1;
    console.log(`${file}: needs YAML front matter between two "---" lines at the top.`);
    continue;
  }
  report(file, articleFrontMatterSchema, parseYaml(match[1] ?? ''));
  markdownProblems(file, match[2] ?? '');
  const words = (match[2] ?? '').split(/\s+/).filter(Boolean).length;
  console.log(`${file}: ${words} words`);
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
