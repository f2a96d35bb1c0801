import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src-main/infra/content/content-files';
import { loadCrisisContent } from '../../src-main/infra/content/crisis-content';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

const contentDir = join(projectRoot, 'content');

describe('crisis content', () => {
  const countries = readdirSync(join(contentDir, 'crisis'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, '').toUpperCase());

  it('ships the UK default', () => {
    expect(countries).toContain('GB');
  });

  it.each(countries)('%s validates and carries an emergency number', (country) => {
    const resources = loadCrisisContent(contentDir, country);
    expect(resources.country).toBe(country);
    expect(resources.resources.length).toBeGreaterThan(0);
  });

  it('keeps the UK numbers CONTENT.md gives', () => {
    const gb = loadCrisisContent(contentDir, 'GB');
    expect(gb.emergency).toBe('999');
    const byName = Object.fromEntries(gb.resources.map((r) => [r.name, r]));
    expect(byName['NHS 111']?.phone).toBe('111');
    expect(byName['NHS 111']?.description).toMatch(/option 2/);
    expect(byName.Samaritans?.phone).toBe('116 123');
    expect(byName.Shout?.sms).toEqual({ number: '85258', message: 'SHOUT' });
  });

  it('names the file and the field when content is broken', () => {
    const dir = tempDir('stillroom-content-');
    mkdirSync(join(dir, 'crisis'));
    writeFileSync(
      join(dir, 'crisis', 'zz.json'),
      JSON.stringify({ country: 'ZZ', emergency: '112', checked: null, resources: [{ name: 'X' }] }),
    );
    expect(() => loadCrisisContent(dir, 'ZZ')).toThrowError(ContentError);
    expect(() => loadCrisisContent(dir, 'ZZ')).toThrowError(/zz\.json: resources\.0\.description/);
    writeFileSync(join(dir, 'crisis', 'yy.json'), '{ not json');
    expect(() => loadCrisisContent(dir, 'YY')).toThrowError(/yy\.json: /);
  });
});
