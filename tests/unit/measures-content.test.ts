import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureSchema, measureSubmissionSchema, type Measure } from '../../src-main/contract/measures';
import { ContentError } from '../../src-main/infra/content/content-files';
import { loadMeasure, loadMeasures } from '../../src-main/infra/content/measures-content';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

const contentDir = join(projectRoot, 'content');
const EXPECTED_IDS = ['brs', 'cbi', 'gad-7', 'k10', 'phq-4', 'phq-9', 'pss-10', 'who-5'];

function raw(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(contentDir, 'measures', `${id}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** A content folder holding the given measure files (as JSON values or raw text). */
function contentWith(files: Record<string, unknown>): string {
  const dir = tempDir('stillroom-measures-');
  mkdirSync(join(dir, 'measures'));
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(join(dir, 'measures', name), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

function edited(id: string, edit: (json: Measure) => void): Measure {
  const json = structuredClone(raw(id)) as unknown as Measure;
  edit(json);
  return json;
}

describe('questionnaire files', () => {
  const measures = loadMeasures(contentDir);
  const byId = (id: string): Measure => {
    const found = measures.find((m) => m.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };

  it('ships exactly the eight questionnaires of CONTENT.md', () => {
    expect(readdirSync(join(contentDir, 'measures')).sort()).toEqual(EXPECTED_IDS.map((id) => `${id}.json`));
    expect(measures.map((m) => m.id)).toEqual(EXPECTED_IDS);
  });

  it.each(EXPECTED_IDS)('%s validates on its own and cites its source and licence', (id) => {
    const measure = loadMeasure(contentDir, id);
    expect(measure.id).toBe(id);
    expect(measure.sources.length).toBeGreaterThan(0);
    expect(measure.licence.summary.length).toBeGreaterThan(0);
  });

  it.each([
    // id, items (scored + unscored), option values, reversed items, recall days
    ['pss-10', 10, [0, 1, 2, 3, 4], ['q4', 'q5', 'q7', 'q8'], 30],
    ['phq-9', 10, [0, 1, 2, 3], [], 14],
    ['gad-7', 8, [0, 1, 2, 3], [], 14],
    ['phq-4', 4, [0, 1, 2, 3], [], 14],
    ['who-5', 5, [5, 4, 3, 2, 1, 0], [], 14],
    ['k10', 10, [1, 2, 3, 4, 5], [], 28],
    ['cbi', 19, [100, 75, 50, 25, 0], ['w7'], null],
    ['brs', 6, [1, 2, 3, 4, 5], ['q2', 'q4', 'q6'], null],
  ] as const)(
    '%s has %d items valued %j, reversed %j, recall %s days',
    (id, count, values, reversed, days) => {
      const measure = byId(id);
      expect(measure.items).toHaveLength(count);
      const scoredSets = new Set(measure.items.filter((i) => i.scales.length > 0).map((i) => i.options));
      for (const setId of scoredSets) {
        expect(measure.optionSets.find((s) => s.id === setId)?.options.map((o) => o.value)).toEqual(values);
      }
      expect(measure.items.filter((i) => i.reversed).map((i) => i.id)).toEqual(reversed);
      expect(measure.recallPeriod?.days ?? null).toBe(days);
    },
  );

  it.each([
    [
      'pss-10',
      'total',
      'sum',
      1,
      [0, 40],
      [
        [0, 13],
        [14, 26],
        [27, 40],
      ],
    ],
    [
      'phq-9',
      'total',
      'sum',
      1,
      [0, 27],
      [
        [0, 4],
        [5, 9],
        [10, 14],
        [15, 19],
        [20, 27],
      ],
    ],
    [
      'gad-7',
      'total',
      'sum',
      1,
      [0, 21],
      [
        [0, 4],
        [5, 9],
        [10, 14],
        [15, 21],
      ],
    ],
    [
      'phq-4',
      'total',
      'sum',
      1,
      [0, 12],
      [
        [0, 2],
        [3, 5],
        [6, 8],
        [9, 12],
      ],
    ],
    [
      'phq-4',
      'anxiety',
      'sum',
      1,
      [0, 6],
      [
        [0, 2],
        [3, 6],
      ],
    ],
    [
      'phq-4',
      'depression',
      'sum',
      1,
      [0, 6],
      [
        [0, 2],
        [3, 6],
      ],
    ],
    [
      'who-5',
      'wellbeing',
      'sum',
      4,
      [0, 100],
      [
        [0, 28],
        [29, 49],
        [50, 100],
      ],
    ],
    [
      'k10',
      'total',
      'sum',
      1,
      [10, 50],
      [
        [10, 15],
        [16, 21],
        [22, 29],
        [30, 50],
      ],
    ],
    [
      'cbi',
      'personal',
      'mean',
      1,
      [0, 100],
      [
        [0, 49.9],
        [50, 100],
      ],
    ],
    [
      'cbi',
      'work',
      'mean',
      1,
      [0, 100],
      [
        [0, 49.9],
        [50, 100],
      ],
    ],
    [
      'cbi',
      'client',
      'mean',
      1,
      [0, 100],
      [
        [0, 49.9],
        [50, 100],
      ],
    ],
    [
      'brs',
      'resilience',
      'mean',
      1,
      [1, 5],
      [
        [1, 2.99],
        [3, 4.3],
        [4.31, 5],
      ],
    ],
  ] as const)('%s %s: %s × %d, range %j, bands %j', (id, scaleId, aggregation, multiplier, range, bands) => {
    const scale = byId(id).scales.find((s) => s.id === scaleId);
    expect(scale?.aggregation).toBe(aggregation);
    expect(scale?.multiplier).toBe(multiplier);
    expect([scale?.range.min, scale?.range.max]).toEqual(range);
    expect(scale?.bands.map((b) => [b.min, b.max])).toEqual(bands);
  });

  it('scores PHQ-4 subscales from questions 1–2 and 3–4', () => {
    const phq4 = byId('phq-4');
    const members = (scaleId: string) =>
      phq4.items.filter((i) => i.scales.includes(scaleId)).map((i) => i.id);
    expect(members('anxiety')).toEqual(['q1', 'q2']);
    expect(members('depression')).toEqual(['q3', 'q4']);
    expect(members('total')).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('has the CBI scales of 6, 7 and 6 items, the client one optional', () => {
    const cbi = byId('cbi');
    const count = (scaleId: string) => cbi.items.filter((i) => i.scales.includes(scaleId)).length;
    expect([count('personal'), count('work'), count('client')]).toEqual([6, 7, 6]);
    expect(cbi.scales.map((s) => [s.id, s.optional])).toEqual([
      ['personal', false],
      ['work', false],
      ['client', true],
    ]);
    const w7 = cbi.items.find((i) => i.id === 'w7');
    expect(w7?.text).toMatch(/energy for family and friends during leisure time/);
  });

  it('keeps the difficulty questions unscored', () => {
    for (const id of ['phq-9', 'gad-7']) {
      const difficulty = byId(id).items.find((i) => i.id === 'difficulty');
      expect(difficulty?.scales).toEqual([]);
      expect(difficulty?.reversed).toBe(false);
    }
  });

  it('has the safety rules of CONTENT.md: PHQ-9 question 9 above 0, PHQ-9 ≥ 20, K10 ≥ 30', () => {
    const rules = (id: string) => byId(id).safety.map((r) => [r.target, r.atLeast ?? null, r.atMost ?? null]);
    expect(rules('phq-9')).toEqual([
      [{ kind: 'item', item: 'q9' }, 1, null],
      [{ kind: 'scale', scale: 'total' }, 20, null],
    ]);
    expect(rules('k10')).toEqual([[{ kind: 'scale', scale: 'total' }, 30, null]]);
    for (const id of ['pss-10', 'gad-7', 'phq-4', 'who-5', 'cbi', 'brs']) expect(rules(id)).toEqual([]);
    expect(byId('phq-9').items.find((i) => i.id === 'q9')?.text).toMatch(/better off dead/);
  });

  it('says which way is better on every scale: higher for wellbeing and resilience, lower for the rest', () => {
    const directions = measures.flatMap((m) => m.scales.map((s) => `${m.id}/${s.id}: ${s.better}`));
    expect(directions.filter((d) => d.endsWith('higher'))).toEqual([
      'brs/resilience: higher',
      'who-5/wellbeing: higher',
    ]);
    expect(directions.filter((d) => !d.endsWith('higher') && !d.endsWith('lower'))).toEqual([]);
  });

  it('marks the PSS bands as a convention, not official cut-offs', () => {
    const scale = byId('pss-10').scales[0];
    expect(scale?.bandsBasis).toBe('convention');
    expect(scale?.bandsNote).toMatch(/common convention, not official cut-offs/);
  });

  it('asks for permission before commercial use of the PSS only', () => {
    expect(measures.filter((m) => m.licence.commercialUse === 'ask-permission').map((m) => m.id)).toEqual([
      'pss-10',
    ]);
  });

  const allText = (m: Measure) => [
    ...m.scales.flatMap((s) => s.bands.flatMap((b) => [b.description, b.helps.text])),
    ...m.safety.map((r) => r.reason),
    ...m.scales.flatMap((s) => (s.optIn ? [s.optIn] : [])),
    m.summary,
  ];

  it.each(EXPECTED_IDS)('%s speaks to the person without diagnosing (CONTENT.md voice)', (id) => {
    const measure = byId(id);
    for (const band of measure.scales.flatMap((s) => s.bands)) {
      expect(band.description).toMatch(/\byour?\b/i);
    }
    for (const line of allText(measure)) {
      expect(line).not.toMatch(/\b(depression|disorder|diagnos\w*|illness|symptoms?|missed)\b/i);
      expect(line).not.toMatch(/\b\w{3,}(iz(e|ed|es|ing)|yze)\b|\b(color|behavior|center)\b/i); // UK spelling
    }
  });

  it('links only course modules m1–m10 and suggests only shipped questionnaires', () => {
    for (const measure of measures) {
      for (const band of measure.scales.flatMap((s) => s.bands)) {
        for (const module of band.helps.modules) expect(module).toMatch(/^m([1-9]|10)$/);
        for (const suggested of band.suggestMeasures) expect(EXPECTED_IDS).toContain(suggested);
      }
    }
  });
});

describe('broken questionnaire files', () => {
  it('names the file and the field', () => {
    const dir = contentWith({
      'pss-10.json': edited('pss-10', (m) => {
        const item = m.items[3];
        if (item) item.options = 'nope';
      }),
    });
    expect(() => loadMeasures(dir)).toThrowError(ContentError);
    expect(() => loadMeasures(dir)).toThrowError(/pss-10\.json: items\.3\.options: No option set "nope"/);
  });

  it('refuses bands with a gap or an overlap', () => {
    const gap = contentWith({
      'phq-9.json': edited('phq-9', (m) => {
        const band = m.scales[0]?.bands[1];
        if (band) band.min = 6;
      }),
    });
    expect(() => loadMeasure(gap, 'phq-9')).toThrowError(
      /phq-9\.json: scales\.0\.bands\.1\.min: .*expected 5/,
    );
    const overlap = contentWith({
      'brs.json': edited('brs', (m) => {
        const band = m.scales[0]?.bands[2];
        if (band) band.min = 4.3;
      }),
    });
    expect(() => loadMeasure(overlap, 'brs')).toThrowError(
      /brs\.json: scales\.0\.bands\.2\.min: .*expected 4\.31/,
    );
  });

  it('refuses bands that miss the ends of the range, or use more decimals than the score', () => {
    const short = contentWith({
      'gad-7.json': edited('gad-7', (m) => {
        const band = m.scales[0]?.bands[3];
        if (band) band.max = 20;
      }),
    });
    expect(() => loadMeasure(short, 'gad-7')).toThrowError(
      /gad-7\.json: scales\.0\.bands\.3\.max: .*maximum, 21/,
    );
    const precise = contentWith({
      'k10.json': edited('k10', (m) => {
        const band = m.scales[0]?.bands[0];
        if (band) band.max = 15.5;
      }),
    });
    expect(() => loadMeasure(precise, 'k10')).toThrowError(
      /k10\.json: scales\.0\.bands\.0: .*0 decimal places/,
    );
  });

  it('refuses a range that the items cannot give', () => {
    const dir = contentWith({
      'who-5.json': edited('who-5', (m) => {
        const scale = m.scales[0];
        if (scale) scale.multiplier = 1;
      }),
    });
    // 5 items × 0–5 × 1 = 0–25, not the declared 0–100.
    expect(() => loadMeasure(dir, 'who-5')).toThrowError(
      /who-5\.json: scales\.0\.range: The items give 0–25, not 0–100/,
    );
  });

  it('refuses an optional scale without its opt-in question, and unknown keys', () => {
    const dir = contentWith({
      'cbi.json': edited('cbi', (m) => {
        const client = m.scales[2];
        if (client) delete client.optIn;
        (m as unknown as Record<string, unknown>).colour = 'blue';
      }),
    });
    expect(() => loadMeasure(dir, 'cbi')).toThrowError(
      /cbi\.json: .*scales\.2\.optIn: An optional scale needs/,
    );
    expect(() => loadMeasure(dir, 'cbi')).toThrowError(/unknown key "colour"/);
  });

  it('refuses safety rules that point nowhere or compare with nothing', () => {
    const dir = contentWith({
      'phq-9.json': edited('phq-9', (m) => {
        const rule = m.safety[0];
        if (rule) {
          rule.target = { kind: 'item', item: 'q99' };
          delete rule.atLeast;
        }
      }),
    });
    expect(() => loadMeasure(dir, 'phq-9')).toThrowError(/safety\.0\.atLeast: Give atLeast, atMost or both/);
  });

  it('refuses a file whose id is not its name, and broken JSON', () => {
    const dir = contentWith({ 'k10.json': { ...raw('k10'), id: 'k6' }, 'brs.json': '{ not json' });
    expect(() => loadMeasure(dir, 'k10')).toThrowError(/k10\.json: id: "k6" does not match the file name/);
    expect(() => loadMeasure(dir, 'brs')).toThrowError(/brs\.json: /);
    expect(() => loadMeasure(dir, '../crisis/gb')).toThrowError(/is not a measure id/);
  });

  it('refuses a suggestion of a questionnaire that is not shipped', () => {
    const dir = contentWith({ 'phq-4.json': raw('phq-4'), 'phq-9.json': raw('phq-9') });
    // PHQ-4's anxiety band suggests the GAD-7, which this folder lacks.
    expect(() => loadMeasures(dir)).toThrowError(
      /phq-4\.json: scales\.1\.bands\.1\.suggestMeasures\.0: no questionnaire "gad-7"/,
    );
  });

  it('refuses badly named files', () => {
    const dir = contentWith({ 'PHQ 9.json': raw('phq-9') });
    expect(() => loadMeasures(dir)).toThrowError(/PHQ 9\.json: name files <id>\.json/);
  });
});

describe('answer submissions', () => {
  it('accepts a map of item ids to numbers and defaults optional scales to none', () => {
    expect(measureSubmissionSchema.parse({ measureId: 'cbi', answers: { p1: 100 } })).toEqual({
      measureId: 'cbi',
      answers: { p1: 100 },
      optionalScales: [],
    });
  });

  it('refuses other value types, unknown keys and oversized answer maps, naming the field', () => {
    const wrong = measureSubmissionSchema.safeParse({ measureId: 'phq-9', answers: { q1: '1' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['answers', 'q1']);
    expect(measureSubmissionSchema.safeParse({ measureId: 'phq-9', answers: {}, extra: 1 }).success).toBe(
      false,
    );
    const many = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`q${i}`, 0]));
    expect(measureSubmissionSchema.safeParse({ measureId: 'phq-9', answers: many }).success).toBe(false);
  });

  it('is the same schema the loader uses', () => {
    expect(measureSchema.safeParse(raw('pss-10')).success).toBe(true);
  });
});
