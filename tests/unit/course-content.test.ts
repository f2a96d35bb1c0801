import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_IDS } from '../../src-main/contract';
import { moduleMinutes, quickMinutes } from '../../src-main/core/course/course-content';
import { ContentError } from '../../src-main/infra/content/content-files';
import { loadCourse } from '../../src-main/infra/content/course-content';
import { markdownLinks } from '../../src-main/infra/content/markdown';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

/** Issue 4 at build: the ten modules of CONTENT.md validate, link to what exists, and fit the course. */

const contentDir = join(projectRoot, 'content');
const moduleDir = join(contentDir, 'program', 'modules');
const articleIds = new Set(
  readdirSync(join(contentDir, 'library'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.replace(/\.md$/, '')),
);

describe('the course content', () => {
  const course = loadCourse(contentDir);
  const modules = course.map((loaded) => loaded.module);

  it('has the ten modules m1–m10, once each, numbered as CONTENT.md lists them', () => {
    expect(modules.map((m) => m.id)).toEqual([...MODULE_IDS]);
    for (const module of modules) expect(module.id).toBe(`m${module.number}`);
  });

  it('has seven core modules (m1–m7) and three optional ones (m8–m10)', () => {
    expect(modules.filter((m) => m.core).map((m) => m.id)).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
      'm6',
      'm7',
    ]);
    expect(modules.filter((m) => !m.core).map((m) => m.id)).toEqual(['m8', 'm9', 'm10']);
  });

  it.each(MODULE_IDS)('%s has 3–6 steps, an estimate for each, and a 5-minute route', (id) => {
    const module = modules.find((m) => m.id === id);
    if (!module) throw new Error(`${id} is missing`);
    expect(module.steps.length).toBeGreaterThanOrEqual(3);
    expect(module.steps.length).toBeLessThanOrEqual(6);
    for (const step of module.steps) expect(step.minutes).toBeGreaterThan(0);
    expect(moduleMinutes(module)).toBe(module.steps.reduce((sum, step) => sum + step.minutes, 0));
    expect(quickMinutes(module)).toBeGreaterThan(0);
    expect(quickMinutes(module)).toBeLessThanOrEqual(5);
  });

  it.each(MODULE_IDS)('every article and module link in %s resolves', (id) => {
    const loaded = course.find((l) => l.module.id === id);
    if (!loaded) throw new Error(`${id} is missing`);
    const broken = loaded.module.articles.filter((article) => !articleIds.has(article));
    for (const [stepId, tree] of Object.entries(loaded.bodies)) {
      for (const href of markdownLinks(tree)) {
        const [scheme, target] = href.split(':', 2);
        if (scheme === 'article' && !articleIds.has(target ?? '')) broken.push(`${stepId}: ${href}`);
        if (scheme === 'module' && !(MODULE_IDS as readonly string[]).includes(target ?? ''))
          broken.push(`${stepId}: ${href}`);
      }
    }
    expect(broken).toEqual([]);
    // Each related article is named by its library title at the end of the module.
    expect(Object.keys(loaded.articleTitles).sort()).toEqual([...loaded.module.articles].sort());
  });
});

describe('broken course content', () => {
  const m1 = readFileSync(join(moduleDir, 'm1.json'), 'utf8');

  function courseWith(files: Record<string, string>): string {
    const dir = tempDir('stillroom-course-');
    mkdirSync(join(dir, 'program', 'modules'), { recursive: true });
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(dir, 'program', 'modules', name), text);
    return dir;
  }

  it('names the file and the field for a missing estimate', () => {
    const json = JSON.parse(m1) as { steps: { minutes?: number }[] };
    delete json.steps[1]?.minutes;
    const dir = courseWith({ 'm1.json': JSON.stringify(json) });
    expect(() => loadCourse(dir)).toThrowError(ContentError);
    expect(() => loadCourse(dir)).toThrowError(/m1\.json: steps\.1\.minutes/);
  });

  it('names the file and the step for Markdown Stillroom cannot show, with its line', () => {
    const json = JSON.parse(m1) as { steps: { body: string }[] };
    if (json.steps[0]) json.steps[0].body = 'Fine.\n\n<script>alert(1)</script>';
    const dir = courseWith({ 'm1.json': JSON.stringify(json) });
    expect(() => loadCourse(dir)).toThrowError(/m1\.json: steps\.0\.body: line 3: raw HTML/);
  });

  it('refuses a link that is not https, mailto, article: or module:', () => {
    const json = JSON.parse(m1) as { steps: { body: string }[] };
    if (json.steps[0]) json.steps[0].body = 'See [this](javascript:alert(1)).';
    const dir = courseWith({ 'm1.json': JSON.stringify(json) });
    expect(() => loadCourse(dir)).toThrowError(/m1\.json: steps\.0\.body: line 1: the link/);
  });

  it('names the file for broken JSON, a wrong file name and a repeated id', () => {
    expect(() => loadCourse(courseWith({ 'm2.json': '{ nope' }))).toThrowError(/m2\.json: /);
    expect(() => loadCourse(courseWith({ 'm2.json': m1 }))).toThrowError(
      /m2\.json: id: "m1" should be in a file named m1\.json/,
    );
    const quickless = JSON.parse(m1) as { steps: { quick?: boolean }[] };
    for (const step of quickless.steps) delete step.quick;
    expect(() => loadCourse(courseWith({ 'm1.json': JSON.stringify(quickless) }))).toThrowError(
      /m1\.json: steps: Mark the steps of a 5-minute route/,
    );
  });
});
