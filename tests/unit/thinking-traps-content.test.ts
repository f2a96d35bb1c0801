import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src-main/infra/content/content-files';
import { loadThinkingTraps } from '../../src-main/infra/content/thinking-traps-content';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

const contentDir = join(projectRoot, 'content');

describe('thinking traps content', () => {
  const traps = loadThinkingTraps(contentDir);

  it('has the common CBT thinking traps, each once', () => {
    const ids = traps.map((trap) => trap.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'all-or-nothing',
        'catastrophising',
        'mind-reading',
        'fortune-telling',
        'overgeneralising',
        'mental-filter',
        'discounting-the-positive',
        'should-statements',
        'labelling',
        'personalising',
        'emotional-reasoning',
        'blaming',
      ]),
    );
  });

  it.each(traps.map((trap) => [trap.id, trap] as const))(
    '%s: a one-sentence description in plain second person, and an example',
    (_id, trap) => {
      // One sentence: a full stop at the end and nowhere else.
      expect(trap.description).toMatch(/^[A-Z][^.!?]*\.$/);
      expect(trap.description).toMatch(/\byou(r)?\b/i);
      expect(trap.description.split(/\s+/).length).toBeLessThanOrEqual(25);
      expect(trap.example.length).toBeGreaterThan(10);
      // UK spelling, as CONTENT.md asks.
      expect(`${trap.name} ${trap.description}`).not.toMatch(/iz(e|ing)\b/);
    },
  );

  it('names the file and the field when the content is broken', () => {
    const dir = tempDir('stillroom-traps-');
    mkdirSync(join(dir, 'program'));
    const file = join(dir, 'program', 'thinking-traps.json');
    const good = {
      id: 'mind-reading',
      name: 'Mind reading',
      description: 'You guess.',
      example: 'They hate it.',
    };

    writeFileSync(file, JSON.stringify({ traps: [good, { ...good, name: 'Again' }] }));
    expect(() => loadThinkingTraps(dir)).toThrowError(ContentError);
    expect(() => loadThinkingTraps(dir)).toThrowError(
      /thinking-traps\.json: traps\.1\.id: "mind-reading" is used twice/,
    );

    writeFileSync(file, JSON.stringify({ traps: [{ ...good, id: 'Mind Reading' }] }));
    expect(() => loadThinkingTraps(dir)).toThrowError(/traps\.0\.id/);

    writeFileSync(file, JSON.stringify({ traps: [{ ...good, extra: true }] }));
    expect(() => loadThinkingTraps(dir)).toThrowError(/traps\.0: unknown key "extra"/);

    writeFileSync(file, '{ not json');
    expect(() => loadThinkingTraps(dir)).toThrowError(/thinking-traps\.json: /);
  });
});
