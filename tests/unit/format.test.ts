import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCalendarDay,
  formatCalendarDayLong,
  formatDay,
  formatDayShort,
  formatDayTime,
  formatMonth,
  formatTime,
  formatWeekday,
  formatWeekdayTime,
  setFormatLocale,
} from '../../src-renderer/src/components/format';
import { projectRoot } from '../helpers/layering';

/** Wednesday 2 December 2026, 09:05 in UTC. */
const moment = '2026-12-02T09:05:00Z';
const UTC = { timeZone: 'UTC' };

afterEach(() => setFormatLocale(undefined));

describe('dates one way, in the computer’s own locale', () => {
  it('en-GB reads day first, on a 24-hour clock', () => {
    setFormatLocale('en-GB');
    expect(formatDay(moment, UTC)).toBe('2 Dec 2026');
    expect(formatDayShort(moment, UTC)).toBe('2 Dec');
    expect(formatWeekday(moment, UTC)).toBe('Wed 2 Dec');
    expect(formatTime(moment, UTC)).toBe('09:05');
    expect(formatDayTime(moment, UTC)).toBe('2 Dec 2026, 09:05');
    expect(formatWeekdayTime(moment, UTC)).toBe('Wed 2 Dec, 09:05');
    expect(formatMonth(moment, UTC)).toBe('December 2026');
    expect(formatCalendarDayLong('2026-11-30')).toBe('Monday 30 November');
  });

  it('en-US reads month first, on a 12-hour clock', () => {
    setFormatLocale('en-US');
    expect(formatDay(moment, UTC)).toBe('Dec 2, 2026');
    expect(formatDayShort(moment, UTC)).toBe('Dec 2');
    expect(formatWeekday(moment, UTC)).toBe('Wed, Dec 2');
    expect(formatTime(moment, UTC)).toMatch(/^9:05\sAM$/);
    expect(formatDayTime(moment, UTC)).toMatch(/^Dec 2, 2026, 9:05\sAM$/);
    expect(formatCalendarDayLong('2026-11-30')).toBe('Monday, November 30');
  });

  it('the same moment moves with the zone asked for; a calendar day never does', () => {
    setFormatLocale('en-GB');
    expect(formatWeekdayTime('2026-12-02T23:30:00Z', { timeZone: 'Asia/Tokyo' })).toBe('Thu 3 Dec, 08:30');
    expect(formatWeekdayTime('2026-12-02T23:30:00Z', { timeZone: 'America/Los_Angeles' })).toBe(
      'Wed 2 Dec, 15:30',
    );
    expect(formatCalendarDay('2026-03-12')).toBe('12 Mar 2026');
  });

  it('a change of locale is not hidden by the remembered formatters', () => {
    setFormatLocale('en-GB');
    expect(formatDay(moment, UTC)).toBe('2 Dec 2026');
    setFormatLocale('de-DE');
    expect(formatDay(moment, UTC)).toBe('02.12.2026');
  });

  it('no renderer file formats a date on its own', () => {
    const root = join(projectRoot, 'src-renderer', 'src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/components\/format\.ts$/.test(path)) {
          if (/toLocale(Date|Time)?String|new Intl\.DateTimeFormat/.test(readFileSync(path, 'utf8')))
            offenders.push(relative(root, path));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
