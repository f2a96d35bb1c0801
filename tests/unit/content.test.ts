import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCrisisContent } from '../../src-main/infra/content/crisis-content';
import { loadMeasures } from '../../src-main/infra/content/measures-content';
import { licensedMeasures } from '../../src-main/core/measures/licences';
import { staleCrisisEntries } from '../../src-main/core/help/crisis-freshness';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

const contentDir = join(projectRoot, 'content');

describe('crisis content', () => {
  const countries = readdirSync(join(contentDir, 'crisis'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, '').toUpperCase());
  // The test's clock: the real date, so a list left unchecked for a year turns this red.
  const now = Date.now();

  it('ships the UK default and the other countries it has checked', () => {
    expect(countries).toEqual(expect.arrayContaining(['GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'DE', 'NL', 'FR']));
  });

  it.each(countries)('%s: every entry has a source and a checked date less than a year old', (country) => {
    const list = loadCrisisContent(contentDir, country);
    expect(list.country).toBe(country);
    for (const resource of list.resources) {
      expect(resource.source, resource.name).toMatch(/^https:\/\//);
      expect(resource.checked, resource.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(list.resources.some((resource) => resource.phone === list.emergency)).toBe(true);
    expect(staleCrisisEntries(list, now)).toEqual([]);
  });

  it('keeps the UK numbers CONTENT.md gives, for each of the four nations', () => {
    const gb = loadCrisisContent(contentDir, 'GB');
    expect(gb.emergency).toBe('999');
    const byName = Object.fromEntries(gb.resources.map((r) => [r.name, r]));
    expect(byName['NHS 111 in England']?.phone).toBe('111');
    expect(byName['NHS 111 in England']?.description).toMatch(/option 2/);
    expect(byName['NHS 111 in Wales']?.description).toMatch(/option 2/);
    expect(byName['NHS 24 in Scotland']?.phone).toBe('111');
    expect(byName['Lifeline in Northern Ireland']?.phone).toBe('0808 808 8000');
    expect(byName.Samaritans?.phone).toBe('116 123');
    expect(byName.Shout?.sms).toEqual({ number: '85258', message: 'SHOUT' });
  });

  it('refuses an entry without a source or a checked date, naming the file and the field', () => {
    const dir = tempDir('stillroom-content-');
    mkdirSync(join(dir, 'crisis'));
    const entry = {
      name: 'Helpline',
      description: 'Someone to talk to.',
      phone: '112',
      source: 'https://example.org/helpline',
      checked: '2026-12-02',
    };
    const file = (resources: unknown[]) =>
      JSON.stringify({ country: 'ZZ', name: 'Zedland', emergency: '112', resources });
    writeFileSync(join(dir, 'crisis', 'zz.json'), file([entry]));
    expect(loadCrisisContent(dir, 'ZZ').resources).toHaveLength(1);
    writeFileSync(join(dir, 'crisis', 'zz.json'), file([{ ...entry, source: undefined }]));
    expect(() => loadCrisisContent(dir, 'ZZ')).toThrowError(/zz\.json: resources\.0\.source/);
    writeFileSync(join(dir, 'crisis', 'zz.json'), file([{ ...entry, checked: undefined }]));
    expect(() => loadCrisisContent(dir, 'ZZ')).toThrowError(/zz\.json: resources\.0\.checked/);
    writeFileSync(join(dir, 'crisis', 'zz.json'), file([{ ...entry, phone: '116 123' }]));
    expect(() => loadCrisisContent(dir, 'ZZ')).toThrowError(/zz\.json: emergency/);
    writeFileSync(join(dir, 'crisis', 'yy.json'), '{ not json');
    expect(() => loadCrisisContent(dir, 'YY')).toThrowError(/yy\.json: /);
  });

  it('flags an entry checked more than a year before the clock', () => {
    const gb = loadCrisisContent(contentDir, 'GB');
    const checked = Date.parse(`${gb.resources[0]?.checked}T00:00:00Z`);
    const day = 24 * 60 * 60 * 1000;
    expect(staleCrisisEntries(gb, checked + 365 * day)).toEqual([]);
    expect(staleCrisisEntries(gb, checked + 366 * day)).toContain(
      `GB: Emergency services was last checked ${gb.resources[0]?.checked}, over a year ago`,
    );
  });
});

describe('licence flags', () => {
  const measures = loadMeasures(contentDir);

  it.each(measures.map((m) => [m.id, m] as const))('%s: its licence flag is honoured', (_id, measure) => {
    const shown = licensedMeasures(measures, undefined).some((m) => m.id === measure.id);
    if (measure.licence.commercialUse === 'ask-permission') {
      expect(shown).toBe(false);
      const held = licensedMeasures(measures, {
        format: 1,
        organisation: { name: 'Example' },
        licences: { commercialPermission: [measure.id] },
      });
      expect(held.some((m) => m.id === measure.id)).toBe(true);
    } else {
      expect(shown).toBe(true);
      // A summary that says commercial use needs permission must carry the flag that hides it.
      expect(measure.licence.summary).not.toMatch(/commercial[^.]*permission|permission[^.]*commercial/i);
    }
  });

  it('the PSS-10 asks permission for commercial use; K10 carries the WHO notice', () => {
    expect(measures.find((m) => m.id === 'pss-10')?.licence.commercialUse).toBe('ask-permission');
    expect(measures.find((m) => m.id === 'k10')?.licence.notice).toMatch(/© World Health Organization/);
  });
});

describe('plain names of the check-ins', () => {
  const measures = loadMeasures(contentDir);

  it('every questionnaire leads with its own plain name, and the clinical ones sit under "More"', () => {
    const plain = Object.fromEntries(measures.map((m) => [m.id, m.plainName]));
    expect(plain).toMatchObject({
      'pss-10': 'Stress check',
      'who-5': 'Wellbeing check',
      'phq-9': 'Low mood check',
    });
    for (const measure of measures) expect(measure.plainName, measure.id).not.toContain(measure.shortName);
    expect(new Set(measures.map((m) => m.plainName.toLowerCase())).size).toBe(measures.length);
    expect(measures.filter((m) => m.group === 'more').map((m) => m.id)).toEqual(['gad-7', 'k10', 'phq-9']);
  });

  it('refuses a questionnaire without a plain name, or with one another already has', () => {
    const dir = tempDir('stillroom-content-');
    mkdirSync(join(dir, 'measures'));
    const copy = (id: string, change: (json: Record<string, unknown>) => void) => {
      const json = JSON.parse(readFileSync(join(contentDir, 'measures', `${id}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      change(json);
      writeFileSync(join(dir, 'measures', `${id}.json`), JSON.stringify(json));
    };
    copy('phq-9', () => {});
    copy('who-5', () => {});
    expect(loadMeasures(dir).map((m) => m.plainName)).toEqual(['Low mood check', 'Wellbeing check']);
    copy('who-5', (json) => delete json.plainName);
    expect(() => loadMeasures(dir)).toThrowError(/who-5\.json: plainName/);
    copy('who-5', (json) => (json.plainName = 'low mood check'));
    expect(() => loadMeasures(dir)).toThrowError(
      /who-5\.json: plainName: "low mood check" is already the plain name of phq-9/,
    );
  });
});
