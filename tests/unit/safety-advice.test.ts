import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkinFrequencyAllowed } from '../../src-main/contract/plain';
import { createCheckinHandlers } from '../../src-main/core/checkins/checkin-handlers';
import { chooseCountry, countryFromLocale, helpView } from '../../src-main/core/help/crisis-choice';
import { scoreMeasure } from '../../src-main/core/measures/scoring';
import { loadAllCrisisContent } from '../../src-main/infra/content/crisis-content';
import { loadMeasures } from '../../src-main/infra/content/measures-content';
import { projectRoot } from '../helpers/layering';

const contentDir = join(projectRoot, 'content');
const measures = loadMeasures(contentDir);
const who5 = measures.find((m) => m.id === 'who-5');
if (!who5) throw new Error('WHO-5 is missing');

function who5Suggests(answers: number[]): string[] {
  const scored = scoreMeasure(who5!, Object.fromEntries(answers.map((value, i) => [`q${i + 1}`, value])));
  if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
  return scored.value.scales[0]?.band.suggestMeasures ?? [];
}

describe('WHO-5 suggests a depression check (PHQ-9)', () => {
  it('at a score of 50 or less on the 0–100 scale (raw 12: 48)', () => {
    expect(who5Suggests([3, 3, 2, 2, 2])).toContain('phq-9'); // raw 12 → 48
    expect(who5Suggests([2, 2, 2, 2, 2])).toContain('phq-9'); // raw 10 → 40
    expect(who5Suggests([0, 0, 0, 0, 0])).toContain('phq-9'); // raw 0 → 0, very low
  });

  it('when any single answer is 0 or 1, whatever the total', () => {
    expect(who5Suggests([5, 5, 5, 5, 1])).toContain('phq-9'); // raw 21 → 84
    expect(who5Suggests([0, 5, 5, 5, 5])).toContain('phq-9');
  });

  it('not above 50 with every answer at 2 or more', () => {
    expect(who5Suggests([3, 3, 3, 2, 2])).toEqual([]); // raw 13 → 52
    expect(who5Suggests([5, 5, 5, 5, 2])).toEqual([]);
  });

  it('suggests it once, not twice, when both rules fire', () => {
    expect(who5Suggests([1, 1, 1, 1, 1]).filter((id) => id === 'phq-9')).toHaveLength(1);
  });
});

describe('scheduled check-ins are never more frequent than the recall period', () => {
  it('the rule itself', () => {
    expect(checkinFrequencyAllowed('weekly', 30)).toBe(false);
    expect(checkinFrequencyAllowed('fortnightly', 28)).toBe(false);
    expect(checkinFrequencyAllowed('monthly', 30)).toBe(true);
    expect(checkinFrequencyAllowed('monthly', 28)).toBe(true);
    expect(checkinFrequencyAllowed('fortnightly', 14)).toBe(true);
    expect(checkinFrequencyAllowed('weekly', 14)).toBe(false);
    expect(checkinFrequencyAllowed('on-demand', 30)).toBe(true);
    expect(checkinFrequencyAllowed('weekly', null)).toBe(true); // CBI, BRS name no period
  });

  const saved: unknown[] = [];
  const handlers = createCheckinHandlers({
    measures,
    clock: { now: () => Date.parse('2026-12-02T09:00:00Z') },
    repository: () =>
      ({
        setPlan: (entries: unknown) => saved.push(entries),
        plan: () => [],
        lastTaken: () => new Map(),
      }) as never,
  });

  it.each([
    ['pss-10', 'weekly'],
    ['pss-10', 'fortnightly'],
    ['k10', 'weekly'],
    ['k10', 'fortnightly'],
    ['phq-9', 'weekly'],
  ] as const)('refuses %s %s, saving nothing', (measureId, frequency) => {
    saved.length = 0;
    expect(() => handlers['checkins.setPlan']({ entries: [{ measureId, frequency }] })).toThrowError(
      /results would overlap/,
    );
    expect(saved).toEqual([]);
  });

  it.each([
    ['pss-10', 'monthly'],
    ['k10', 'monthly'],
    ['phq-9', 'fortnightly'],
    ['phq-4', 'fortnightly'],
    ['cbi', 'weekly'],
  ] as const)('accepts %s %s', (measureId, frequency) => {
    saved.length = 0;
    handlers['checkins.setPlan']({ entries: [{ measureId, frequency }] });
    expect(saved).toEqual([[{ measureId, frequency }]]);
  });
});

describe('the crisis lines’ country', () => {
  it('reads the region from Electron’s country code and from locales', () => {
    expect(countryFromLocale('GB')).toBe('GB');
    expect(countryFromLocale('en-GB')).toBe('GB');
    expect(countryFromLocale('en_IE.UTF-8')).toBe('IE');
    expect(countryFromLocale('de-Latn-DE')).toBe('DE');
    expect(countryFromLocale('en')).toBeNull();
    expect(countryFromLocale('C')).toBeNull();
    expect(countryFromLocale('')).toBeNull();
    expect(countryFromLocale(undefined)).toBeNull();
  });

  const available = new Set(['GB', 'IE', 'US']);
  it('the user’s choice first, then the region, then a fallback', () => {
    expect(chooseCountry({ available, saved: 'IE', region: 'US' })).toEqual({
      country: 'IE',
      chosenBy: 'user',
    });
    expect(chooseCountry({ available, saved: null, region: 'US' })).toEqual({
      country: 'US',
      chosenBy: 'region',
    });
    expect(chooseCountry({ available, saved: 'ZZ', region: 'ES' })).toEqual({
      country: 'GB',
      chosenBy: 'fallback',
    });
  });

  const shipped = loadAllCrisisContent(contentDir);
  it('a policy list replaces the shipped one for its country only, and adds its support', () => {
    const view = helpView({
      shipped,
      saved: null,
      region: 'DE',
      policy: {
        format: 1,
        organisation: { name: 'Example' },
        crisisByCountry: {
          DE: {
            country: 'DE',
            name: 'Deutschland',
            emergency: '112',
            resources: [
              { name: 'Betriebsarzt', description: 'Our occupational doctor.', phone: '0800 000 000' },
            ],
          },
        },
        organisationSupport: { name: 'Example EAP', phone: '0800 123 456' },
      },
    });
    expect(view.country).toBe('DE');
    expect(view.source).toBe('policy');
    expect(view.resources[0]?.name).toBe('Betriebsarzt');
    expect(view.organisationSupport?.name).toBe('Example EAP');
    expect(view.countries.map((c) => c.code)).toContain('GB');
    const gb = helpView({ shipped, saved: 'GB', region: 'DE', policy: undefined });
    expect(gb.source).toBe('default');
    expect(gb.organisationSupport).toBeNull();
  });
});
