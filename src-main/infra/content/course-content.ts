import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseModuleSchema, type Markdown } from '../../contract';
import type { LoadedModule } from '../../core/course/course-content';
import { describeZodIssues } from '../../core/validation/describe-issues';
import { ContentError } from './crisis-content';
import { parseMarkdown } from './markdown';

/**
 * The course (content/program/modules/*.json): each file validated with the shared schema and
 * each step's Markdown parsed once here, so the page only renders. Any problem stops the load
 * with a message naming the file and the field: broken content is a writer's bug to fix, not
 * something to show half of.
 */
export function loadCourse(contentDir: string): LoadedModule[] {
  const dir = join(contentDir, 'program', 'modules');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    throw new ContentError(dir, [error instanceof Error ? error.message : String(error)]);
  }
  const loaded = names.map((name) => loadModuleFile(join(dir, name)));
  const seen = new Map<string, string>();
  for (const [index, { module }] of loaded.entries()) {
    const file = join(dir, names[index] ?? '');
    const earlier = seen.get(module.id);
    if (earlier) throw new ContentError(file, [`id: "${module.id}" is also the id in ${earlier}`]);
    seen.set(module.id, file);
  }
  return loaded.sort((a, b) => a.module.number - b.module.number);
}

export function loadModuleFile(file: string): LoadedModule {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = courseModuleSchema.safeParse(json);
  if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error.issues));
  const module = parsed.data;
  const expectedName = `${module.id}.json`;
  if (!file.endsWith(expectedName))
    throw new ContentError(file, [`id: "${module.id}" should be in a file named ${expectedName}`]);
  const problems: string[] = [];
  const bodies: Record<string, Markdown> = {};
  module.steps.forEach((step, index) => {
    const markdown = parseMarkdown(step.body);
    for (const problem of markdown.problems) problems.push(`steps.${index}.body: ${problem}`);
    bodies[step.id] = markdown.tree;
  });
  if (problems.length > 0) throw new ContentError(file, problems);
  return { module, bodies };
}
