/** Issue 17 point 7: a check-in trend in plain words, with dates as people write them. */
import { describe, expect, it } from 'vitest';
import {
  bandTicks,
  betterWords,
  dateFormats,
  pointWords,
  trendSummary,
} from '../../src-renderer/src/features/checkins/trend-summary';

const PSS = { min: 0, max: 40 };
// Midday, so the computer's time zone cannot move a check-in to another calendar day.
const at = (date: string, score: number) => ({ takenAt: `${date}T12:00:00Z`, score });
const now = new Date('2026-11-30T12:00:00Z');
const summary = (entries: ReturnType<typeof at>[]) =>
  trendSummary(entries, { range: PSS, now, locale: 'en-GB' });

describe('trend summary', () => {
  it('says nothing with no check-in or only one: one point is not a trend', () => {
    expect(summary([])).toBeUndefined();
    expect(summary([at('2026-11-02', 20)])).toBeUndefined();
  });

  it('names the month of the previous check-in in words when it was in another month', () => {
    expect(summary([at('2026-10-05', 24), at('2026-11-29', 12)])).toBe('Lower than in October');
    expect(summary([at('2025-10-05', 12), at('2026-11-29', 24)])).toBe('Higher than in October 2025');
  });

  it('counts weeks in words, names a weekday within the week, and says today or yesterday', () => {
    expect(summary([at('2026-11-09', 12), at('2026-11-29', 24)])).toBe('Higher than three weeks ago');
    expect(summary([at('2026-11-23', 24), at('2026-11-29', 12)])).toBe('Lower than a week ago');
    expect(summary([at('2026-11-26', 24), at('2026-11-30', 12)])).toBe('Lower than on Thursday');
    expect(summary([at('2026-11-29', 24), at('2026-11-30', 12)])).toBe('Lower than yesterday');
    expect(summary([at('2026-11-30', 24), { takenAt: '2026-11-30T12:30:00Z', score: 12 }])).toBe(
      'Lower than earlier today',
    );
  });

  it('compares the latest two check-ins, whatever order they come in', () => {
    const entries = [at('2026-11-29', 12), at('2026-09-01', 40), at('2026-10-05', 24)];
    expect(summary(entries)).toBe('Lower than in October');
  });

  it('calls a small change "about the same", relative to the scale, and no change "the same"', () => {
    expect(summary([at('2026-10-05', 20), at('2026-11-29', 22)])).toBe(
      'About the same as your last check-in',
    );
    expect(summary([at('2026-10-05', 20), at('2026-11-29', 23)])).toBe('Higher than in October');
    expect(summary([at('2026-10-05', 20), at('2026-11-29', 20)])).toBe('The same as your last check-in');
    const brs = trendSummary([at('2026-10-05', 3.5), at('2026-11-29', 3.67)], {
      range: { min: 1, max: 5 },
      now,
      locale: 'en-GB',
    });
    expect(brs).toBe('About the same as your last check-in');
  });

  it('uses the month names of the computer’s locale', () => {
    const german = trendSummary([at('2026-10-05', 24), at('2026-11-29', 12)], {
      range: PSS,
      now,
      locale: 'de-DE',
    });
    expect(german).toBe('Lower than in Oktober');
  });
});

describe('trend words', () => {
  it('states which way is better from the measure’s data', () => {
    expect(betterWords('lower')).toBe('Lower is better');
    expect(betterWords('higher')).toBe('Higher is better');
  });

  it('puts score ticks at the range ends and where each band starts', () => {
    const pssBands = [{ min: 0 }, { min: 14 }, { min: 27 }];
    expect(bandTicks(PSS, pssBands)).toEqual([0, 14, 27, 40]);
    expect(bandTicks({ min: 0, max: 100 }, [{ min: 0 }, { min: 50 }])).toEqual([0, 50, 100]);
  });

  it('writes dates as "3 Nov" on the axis and "3 Nov 2026" in the tooltip, never as numbers', () => {
    const date = new Date('2026-11-03T12:00:00Z');
    expect(dateFormats('en-GB').short.format(date)).toBe('3 Nov');
    expect(dateFormats('en-GB').long.format(date)).toBe('3 Nov 2026');
    expect(pointWords(20, 'Moderate', '3 Nov 2026')).toBe('20 — moderate · 3 Nov 2026');
  });
});
