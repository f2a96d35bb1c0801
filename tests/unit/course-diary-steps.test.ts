import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thoughtRecordInputSchema } from '../../src-main/contract';
import {
  clip,
  DESTINATION_FIELDS,
  stressEntryFromAnswers,
  thoughtRecordFromAnswers,
} from '../../src-main/core/course/diary-steps';
import { loadCourse } from '../../src-main/infra/content/course-content';
import { loadThinkingTraps } from '../../src-main/infra/content/thinking-traps-content';
import { projectRoot } from '../helpers/layering';

/** Issue 17 point 5: the diary-shaped steps map onto what the diary and thought records keep. */

const contentDir = join(projectRoot, 'content');
const modules = loadCourse(contentDir).map((loaded) => loaded.module);
const diarySteps = modules.flatMap((module) =>
  module.steps.flatMap((step) =>
    step.kind === 'exercise' && step.savesTo ? [{ module: module.id, step, savesTo: step.savesTo }] : [],
  ),
);

describe('diary-shaped course steps', () => {
  it('are the stress diary step of module 1 and the thought record of module 3', () => {
    expect(diarySteps.map((d) => `${d.module}/${d.step.id} → ${d.savesTo}`)).toEqual([
      'm1/start-your-diary → stress-diary',
      'm3/thought-record → thought-record',
    ]);
  });

  it('ask for exactly the fields their diary form is made from', () => {
    for (const { step, savesTo } of diarySteps) {
      expect(step.fields.map((field) => field.id).sort()).toEqual([...DESTINATION_FIELDS[savesTo]].sort());
    }
  });

  it('offer only thinking traps the thought records know (none would be dropped)', () => {
    const known = new Set(loadThinkingTraps(contentDir).map((trap) => trap.id));
    const traps = diarySteps
      .flatMap(({ step }) => step.fields)
      .flatMap((field) => (field.type === 'choice' ? field.options.map((o) => o.id) : []));
    expect(traps.length).toBeGreaterThan(0);
    expect(traps.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('the mapping', () => {
  const at = '2026-11-26T09:00:00.000Z';

  it('needs "what happened" and a stress rating for a diary entry', () => {
    expect(stressEntryFromAnswers({ what: '  ', stress: 5 }, at)).toBeUndefined();
    expect(stressEntryFromAnswers({ what: 'Late train' }, at)).toBeUndefined();
    expect(stressEntryFromAnswers({ what: ' Late train ', stress: 5 }, at)).toEqual({
      occurredAt: at,
      stress: 5,
      what: 'Late train',
      body: '',
      thoughts: '',
      actions: '',
    });
  });

  it('makes a draft of a part-done thought record, and keeps within its limits', () => {
    const record = thoughtRecordFromAnswers(
      { situation: 'x'.repeat(3000), thought: 'They think I am slow', emotions: 'a'.repeat(200) },
      at,
      [],
    );
    expect(record?.status).toBe('draft');
    expect(record?.situation.length).toBeLessThanOrEqual(2000);
    expect(record?.emotions[0]?.name.length).toBeLessThanOrEqual(60);
    expect(() => thoughtRecordInputSchema.parse(record)).not.toThrow();
    expect(thoughtRecordFromAnswers({ traps: ['blaming'] }, at, ['blaming'])).toBeUndefined();
  });

  it('shortens at a word where it can', () => {
    expect(clip('one two three', 20)).toBe('one two three');
    expect(clip('one two three four', 12)).toBe('one two…');
  });
});
