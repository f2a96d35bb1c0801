import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseModuleSchema, type Markdown } from '../../contract';
import type { LoadedModule } from '../../core/course/course-content';
import { ContentError, readJsonContent } from './content-files';
import { parse as parseYaml } from 'yaml';
import { listContentFiles } from './content-files';
import { parseMarkdown } from './markdown';

/**
 * The course (content/program/modules/*.json): each file validated with the shared schema and
 * each step's Markdown parsed once here, so the page only renders. Any problem stops the load
 * with a message naming the file and the field: broken content is a writer's bug to fix, not
 * something to show half of.
 */
export function loadCourse(contentDir: string): LoadedModule[] {
  const dir = join(contentDir, 'program', 'modules');
  const names = listContentFiles(dir, '.json');
  const titles = articleTitles(join(contentDir, 'library'));
  const loaded = names.map((name) => loadModuleFile(join(dir, name), titles));
  const seen = new Map<string, string>();
  for (const [index, { module }] of loaded.entries()) {
    const file = join(dir, names[index] ?? '');
    const earlier = seen.get(module.id);
    if (earlier) throw new ContentError(file, [`id: "${module.id}" is also the id in ${earlier}`]);
    seen.set(module.id, file);
  }
  return loaded.sort((a, b) => a.module.number - b.module.number);
}

export function loadModuleFile(file: string, titles: Readonly<Record<string, string>> = {}): LoadedModule {
  const data = readJsonContent(file, courseModuleSchema);
  const module = data;
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
  const linked = Object.fromEntries(
    module.articles.flatMap((id) => (titles[id] ? [[id, titles[id]] as const] : [])),
  );
  return { module, bodies, articleTitles: linked };
}

/**
 * Article titles from the library's front matter, to name the links at the end of a module. The
 * library's own loader validates these files; here a file without a readable title is skipped
 * and its link shows the article id instead.
 */
function articleTitles(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const titles: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, name), 'utf8'));
    try {
      const front = match ? (parseYaml(match[1] ?? '') as { title?: unknown }) : undefined;
      if (typeof front?.title === 'string') titles[name.replace(/\.md$/, '')] = front.title.slice(0, 200);
    } catch {
      // Reported by the library's loader and the content checker.
    }
  }
  return titles;
}
