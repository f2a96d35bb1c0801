/**
 * The words around a check-in trend: one plain line comparing the latest score with the one
 * before, which way is better, the band edges as axis ticks and the dates as people write them.
 * Pure (the clock and the locale come in as arguments), so the wording is unit-tested.
 */

import {
  formatDay,
  formatDayShort,
  formatMonth,
  formatMonthName,
  formatWeekdayName,
} from '../../components/format';

export interface TrendEntry {
  /** ISO time the questionnaire was taken. */
  takenAt: string;
  score: number;
}

export interface ScoreRange {
  min: number;
  max: number;
}

export type BetterDirection = 'lower' | 'higher';

/** Within this share of the scale's range, two scores read as "about the same". */
const SAME_SHARE = 0.05;
const WEEKS = ['', 'a week ago', 'two weeks ago', 'three weeks ago', 'four weeks ago'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `earlier` to `later`, in the computer's own time zone. */
function calendarDaysBetween(earlier: Date, later: Date): number {
  const startOf = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((startOf(later) - startOf(earlier)) / DAY_MS);
}

/** When the earlier check-in was, as the end of "Lower than …": "on Monday", "in October". */
function whenWords(then: Date, now: Date, locale: string | undefined): string {
  const days = calendarDaysBetween(then, now);
  const sameMonth = then.getFullYear() === now.getFullYear() && then.getMonth() === now.getMonth();
  if (days < 0) return 'your last check-in';
  if (days === 0) return 'earlier today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `on ${formatWeekdayName(then, { locale })}`;
  if (days < 28 || (sameMonth && days <= 31)) return WEEKS[Math.min(4, Math.round(days / 7))]!;
  const month =
    then.getFullYear() === now.getFullYear()
      ? formatMonthName(then, { locale })
      : formatMonth(then, { locale });
  return `in ${month}`;
}

/**
 * One neutral line about the latest score against the previous one, e.g. "Lower than in October",
 * "About the same as your last check-in". Nothing with fewer than two check-ins: one point is not
 * a trend. Entries may come in any order.
 */
export function trendSummary(
  entries: readonly TrendEntry[],
  { range, now, locale }: { range: ScoreRange; now: Date; locale?: string },
): string | undefined {
  if (entries.length < 2) return undefined;
  const ordered = [...entries].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const latest = ordered[ordered.length - 1]!;
  const previous = ordered[ordered.length - 2]!;
  const change = latest.score - previous.score;
  if (change === 0) return 'The same as your last check-in';
  if (Math.abs(change) <= (range.max - range.min) * SAME_SHARE) return 'About the same as your last check-in';
  const word = change < 0 ? 'Lower' : 'Higher';
  return `${word} than ${whenWords(new Date(previous.takenAt), now, locale)}`;
}

/** "Lower is better" / "Higher is better", from the measure's own data. */
export function betterWords(better: BetterDirection): string {
  return better === 'lower' ? 'Lower is better' : 'Higher is better';
}

/**
 * The score axis ticks: the range's ends and where each band starts (PSS-10: 0, 14, 27, 40), so
 * every tick means something. BRS's 4.31 stays as it is: rounding it would put the edge elsewhere.
 */
export function bandTicks(range: ScoreRange, bands: readonly { min: number }[]): number[] {
  const edges = [range.min, ...bands.slice(1).map((band) => band.min), range.max];
  return [...new Set(edges)].sort((a, b) => a - b);
}

/** "3 Nov" on the axis, "3 Nov 2026" in the tooltip and table, in the computer's locale. */
export function dateFormats(locale?: string) {
  return {
    short: { format: (date: Date | number) => formatDayShort(date, { locale }) },
    long: { format: (date: Date | number) => formatDay(date, { locale }) },
  };
}

/** The tooltip's words for one point: "20 — moderate · 3 Nov 2026". */
export function pointWords(score: number, bandLabel: string, date: string): string {
  const band = bandLabel.charAt(0).toLowerCase() + bandLabel.slice(1);
  return `${score} — ${band} · ${date}`;
}
