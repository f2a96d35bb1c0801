import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  mkdirSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mondayMessageSchema } from '../../src-main/contract';
import { loadMeasures } from '../../src-main/infra/content/measures-content';
import {
  linkProblems,
  loadShippedArticles,
  parseArticle,
} from '../../src-main/infra/content/library-content';
import { ContentError } from '../../src-main/infra/content/content-files';
import { projectRoot } from '../helpers/layering';

const contentDir = join(projectRoot, 'content');
const articles = loadShippedArticles(contentDir);
const ids = new Set(articles.map((article) => article.id));

describe('library content', () => {
  it('ships at least 40 articles, each valid, with Markdown Stillroom can show', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    for (const article of articles) {
      expect(article.body.length, article.id).toBeGreaterThan(0);
      expect(article.text.length, article.id).toBeGreaterThan(200);
    }
  });

  it('resolves every related article, related module and in-text link', () => {
    expect(linkProblems(articles)).toEqual([]);
    for (const article of articles) for (const id of article.related.articles) expect(ids).toContain(id);
  });

  it('resolves every questionnaire band’s library pointers (helps.topics) to an article', () => {
    const unresolved = loadMeasures(contentDir).flatMap((measure) =>
      measure.scales.flatMap((scale) =>
        scale.bands.flatMap((band) =>
          band.helps.topics
            .filter((id) => !ids.has(id))
            .map((id) => `${measure.id}/${scale.id}/${band.id}: ${id}`),
        ),
      ),
    );
    expect(unresolved).toEqual([]);
  });

  it('links each Monday message present to an existing article or module', () => {
    const dir = join(contentDir, 'messages', 'monday');
    const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
    const modules = new Set(
      readdirSync(join(contentDir, 'program', 'modules')).map((name) => name.replace(/\.json$/, '')),
    );
    for (const name of files) {
      const message = mondayMessageSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (message.link.kind === 'article') expect(ids, name).toContain(message.link.id);
      else expect(modules, name).toContain(message.link.id);
    }
  });

  it('names the file and the field when an article is wrong', () => {
    const good = readFileSync(join(contentDir, 'library', 'sleep.md'), 'utf8');
    const cases: [string, string, RegExp][] = [
      ['no front matter', good.replace(/^---\n/, ''), /broken\.md: needs YAML front matter/],
      ['bad minutes', good.replace(/minutes: \d+/, 'minutes: 30'), /broken\.md: minutes: /],
      [
        'unknown key',
        good.replace(/^---\n/, '---\nauthor: me\n'),
        /broken\.md: \(top level\): unknown key "author"/,
      ],
      [
        'bad yaml',
        good.replace(/^---\n/, '---\ntitle: [unclosed\n'),
        /broken\.md: front matter is not valid YAML/,
      ],
      ['raw html', `${good}\n<script>alert(1)</script>\n`, /broken\.md: line \d+: /],
      ['wrong id', good, /broken\.md: id: "sleep" does not match the file name "broken\.md"/],
    ];
    for (const [what, source, message] of cases) {
      const expectedId = what === 'wrong id' ? 'broken' : 'sleep';
      expect(() => parseArticle('broken.md', source, expectedId, 'shipped'), what).toThrow(message);
    }
  });

  it('refuses a library whose related article does not exist, naming the article and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stillroom-library-'));
    mkdirSync(join(dir, 'library'));
    cpSync(join(contentDir, 'library', 'sleep.md'), join(dir, 'library', 'sleep.md'));
    const loaded = loadShippedArticles(dir);
    expect(linkProblems(loaded)).toContainEqual(
      expect.stringMatching(/^sleep: related\.articles\.0: no article "/),
    );
    writeFileSync(join(dir, 'library', 'Bad Name.md'), 'x');
    expect(() => loadShippedArticles(dir)).toThrow(ContentError);
  });
});
