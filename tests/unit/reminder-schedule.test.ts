import { describe, expect, it } from 'vitest';
import type { ReminderRule } from '../../src-main/contract/reminders';
import {
  dueNow,
  firstMondayFrom,
  mondayWeek,
  nextFireOf,
  plannedFires,
  snoozeUntil,
  tomorrowIn,
  upcomingFires,
  type ScheduleInput,
} from '../../src-main/core/reminders/schedule';

/**
 * The schedule is pure: every "now" below is a fake clock reading passed in, and the zone is an
 * input, so these run the same on any machine in any zone.
 */

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

function rule(overrides: Partial<ReminderRule> = {}): ReminderRule {
  return {
    id: 'rule-1',
    label: 'breathing before stand-up',
    target: 'room',
    frequency: { kind: 'interval', everyDays: 1 },
    time: '09:00',
    startDate: '2026-01-01',
    endDate: null,
    enabled: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function input(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    rules: [rule()],
    quietHours: null,
    pausedUntil: null,
    snooze: null,
    monday: { enabled: false, time: '09:00', startsOn: null },
    zone: 'Europe/London',
    ...overrides,
  };
}

const firesBetween = (schedule: ScheduleInput, from: string, to: string) =>
  plannedFires(schedule, at(from), at(to)).map((fire) => iso(fire.at));

describe('daylight saving: the wall clock is kept', () => {
  it('Europe/London, clocks go forward (29 March 2026): 09:00 stays 09:00, one hour earlier in UTC', () => {
    expect(firesBetween(input(), '2026-03-27T12:00:00Z', '2026-03-31T12:00:00Z')).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
    ]);
  });

  it('Europe/London, a time that does not exist (01:30 on 29 March) fires once, an hour later', () => {
    const schedule = input({ rules: [rule({ time: '01:30' })] });
    expect(firesBetween(schedule, '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z')).toEqual([
      '2026-03-29T01:30:00.000Z', // 02:30 BST
      '2026-03-30T00:30:00.000Z', // 01:30 BST
    ]);
  });

  it('Europe/London, clocks go back (25 October 2026): 09:00 stays 09:00, and 01:30 (twice on the wall) fires once', () => {
    expect(firesBetween(input(), '2026-10-24T00:00:00Z', '2026-10-26T23:00:00Z')).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-25T09:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
    ]);
    const twice = input({ rules: [rule({ time: '01:30' })] });
    const onTheDay = firesBetween(twice, '2026-10-24T23:00:00Z', '2026-10-25T23:00:00Z');
    expect(onTheDay).toHaveLength(1);
  });

  it('America/New_York, forward (8 March 2026) and back (1 November 2026)', () => {
    const newYork = input({ zone: 'America/New_York' });
    expect(firesBetween(newYork, '2026-03-07T00:00:00Z', '2026-03-09T23:00:00Z')).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(firesBetween(newYork, '2026-10-31T00:00:00Z', '2026-11-02T23:00:00Z')).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
    const gap = input({ zone: 'America/New_York', rules: [rule({ time: '02:30' })] });
    expect(firesBetween(gap, '2026-03-08T00:00:00Z', '2026-03-08T23:00:00Z')).toEqual([
      '2026-03-08T07:30:00.000Z', // 03:30 EDT: 02:30 never happens that night
    ]);
  });

  it('a weekly rule on Sundays keeps 09:00 local across both changes', () => {
    const sundays = input({ rules: [rule({ frequency: { kind: 'weekly', days: ['sun'] } })] });
    expect(firesBetween(sundays, '2026-03-20T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual([
      '2026-03-22T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-04-05T08:00:00.000Z',
    ]);
  });
});

describe('frequencies and end dates', () => {
  it('weekdays: Monday to Friday only', () => {
    const weekdays = input({ rules: [rule({ frequency: { kind: 'weekdays' } })] });
    // Friday 27 November 2026 to Tuesday 1 December.
    expect(firesBetween(weekdays, '2026-11-27T00:00:00Z', '2026-12-01T23:00:00Z')).toEqual([
      '2026-11-27T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
    ]);
  });

  it('every 3 days counts from the start date', () => {
    const everyThird = input({
      rules: [rule({ frequency: { kind: 'interval', everyDays: 3 }, startDate: '2026-11-26' })],
    });
    expect(firesBetween(everyThird, '2026-11-25T00:00:00Z', '2026-12-05T00:00:00Z')).toEqual([
      '2026-11-26T09:00:00.000Z',
      '2026-11-29T09:00:00.000Z',
      '2026-12-02T09:00:00.000Z',
    ]);
  });

  it('a rule started years ago keeps its rhythm (every 3 days since 1 January 2020, counted by hand)', () => {
    const old = input({
      rules: [rule({ frequency: { kind: 'interval', everyDays: 3 }, startDate: '2020-01-01' })],
    });
    expect(firesBetween(old, '2026-11-25T00:00:00Z', '2026-12-05T00:00:00Z')).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-28T09:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
      '2026-12-04T09:00:00.000Z',
    ]);
    const weekly = input({
      rules: [rule({ frequency: { kind: 'weekly', days: ['tue', 'sat'] }, startDate: '2019-06-13' })],
    });
    expect(firesBetween(weekly, '2026-11-23T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([
      '2026-11-24T09:00:00.000Z',
      '2026-11-28T09:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
    ]);
  });

  it('nothing after the end date (inclusive), and nothing for a switched-off rule', () => {
    const ending = input({ rules: [rule({ endDate: '2026-11-28' })] });
    expect(firesBetween(ending, '2026-11-26T10:00:00Z', '2026-12-05T00:00:00Z')).toEqual([
      '2026-11-27T09:00:00.000Z',
      '2026-11-28T09:00:00.000Z',
    ]);
    expect(nextFireOf(ending, 'rule-1', at('2026-11-28T10:00:00Z'))).toBeNull();
    expect(plannedFires(input({ rules: [rule({ enabled: false })] }), 0, at('2027-01-01T00:00:00Z'))).toEqual(
      [],
    );
  });
});

describe('the user travels: rules follow the wall clock of the zone they are in now', () => {
  it('09:00 in London, then 09:00 in New York', () => {
    const now = at('2026-11-26T06:00:00Z');
    expect(iso(upcomingFires(input(), now, 1)[0]?.at ?? 0)).toBe('2026-11-26T09:00:00.000Z');
    expect(iso(upcomingFires(input({ zone: 'America/New_York' }), now, 1)[0]?.at ?? 0)).toBe(
      '2026-11-26T14:00:00.000Z',
    );
  });

  it('a flight from London to New York neither repeats nor skips the day’s reminder', () => {
    // Looked at 08:00 UTC in London (before 09:00); next looks happen in New York.
    const lastChecked = at('2026-11-26T08:00:00Z');
    const newYork = input({ zone: 'America/New_York' });
    expect(dueNow(newYork, lastChecked, at('2026-11-26T12:00:00Z')).fire).toBeNull(); // 07:00 there
    const due = dueNow(newYork, at('2026-11-26T12:00:00Z'), at('2026-11-26T14:05:00Z'));
    expect(due.coalesced).toBe(1);
    expect(iso(due.fire?.at ?? 0)).toBe('2026-11-26T14:00:00.000Z');
  });
});

describe('quiet hours', () => {
  const quiet = { start: '22:00', end: '07:00' };

  it('a time inside quiet hours is held until they end, not lost', () => {
    const late = input({ rules: [rule({ time: '22:30' })], quietHours: quiet });
    expect(firesBetween(late, '2026-11-26T12:00:00Z', '2026-11-27T12:00:00Z')).toEqual([
      '2026-11-27T07:00:00.000Z',
    ]);
  });

  it('two times held to the same moment make one notification', () => {
    const two = input({
      rules: [rule({ time: '22:30' }), rule({ id: 'rule-2', time: '23:15', target: 'checkin' })],
      quietHours: quiet,
    });
    expect(firesBetween(two, '2026-11-26T12:00:00Z', '2026-11-27T12:00:00Z')).toEqual([
      '2026-11-27T07:00:00.000Z',
    ]);
  });

  it('quiet hours within a day (12:00–13:00), and times outside them untouched', () => {
    const lunch = input({
      rules: [rule({ time: '12:30' }), rule({ id: 'rule-2', time: '09:00' })],
      quietHours: { start: '12:00', end: '13:00' },
    });
    expect(firesBetween(lunch, '2026-11-26T00:00:00Z', '2026-11-26T23:00:00Z')).toEqual([
      '2026-11-26T09:00:00.000Z',
      '2026-11-26T13:00:00.000Z',
    ]);
  });

  it('a look during quiet hours shows nothing; the look when they end shows it', () => {
    const late = input({ rules: [rule({ time: '22:30' })], quietHours: quiet });
    expect(dueNow(late, at('2026-11-26T21:00:00Z'), at('2026-11-26T23:00:00Z')).fire).toBeNull();
    expect(dueNow(late, at('2026-11-26T23:00:00Z'), at('2026-11-27T07:00:30Z')).coalesced).toBe(1);
  });
});

describe('pause (a holiday)', () => {
  it('nothing before the day reminders resume; they resume that day', () => {
    const paused = input({ pausedUntil: '2026-12-05' });
    expect(firesBetween(paused, '2026-11-26T10:00:00Z', '2026-12-04T23:59:00Z')).toEqual([]);
    expect(iso(upcomingFires(paused, at('2026-11-26T10:00:00Z'), 1)[0]?.at ?? 0)).toBe(
      '2026-12-05T09:00:00.000Z',
    );
    expect(dueNow(paused, at('2026-11-26T10:00:00Z'), at('2026-12-04T23:00:00Z')).coalesced).toBe(0);
  });
});

describe('snooze', () => {
  const now = at('2026-11-26T09:00:00Z');

  it('10 minutes, 1 hour, and tomorrow at the same wall-clock time (even across a DST change)', () => {
    expect(snoozeUntil('10m', now, 'Europe/London')).toBe(now + 10 * 60_000);
    expect(snoozeUntil('1h', now, 'Europe/London')).toBe(now + HOUR);
    expect(iso(snoozeUntil('tomorrow', now, 'Europe/London'))).toBe('2026-11-27T09:00:00.000Z');
    // Saturday 24 October 09:00 BST → Sunday 25 October 09:00 GMT: 25 hours later.
    expect(snoozeUntil('tomorrow', at('2026-10-24T08:00:00Z'), 'Europe/London')).toBe(
      at('2026-10-24T08:00:00Z') + 25 * HOUR,
    );
  });

  it('a snoozed reminder comes back once, at the snooze time, with its target', () => {
    const snoozed = input({ rules: [], snooze: { until: iso(now + 10 * 60_000), target: 'checkin' } });
    const due = dueNow(snoozed, now, now + 11 * 60_000);
    expect(due.fire).toMatchObject({ target: 'checkin', source: 'snooze' });
    expect(dueNow(snoozed, now, now + 9 * 60_000).fire).toBeNull();
  });

  it('a snooze into quiet hours waits for them to end', () => {
    const snoozed = input({
      rules: [],
      quietHours: { start: '22:00', end: '07:00' },
      snooze: { until: '2026-11-26T22:10:00.000Z', target: 'room' },
    });
    expect(firesBetween(snoozed, '2026-11-26T21:00:00Z', '2026-11-27T12:00:00Z')).toEqual([
      '2026-11-27T07:00:00.000Z',
    ]);
  });
});

describe('coalescing: after sleep or a closed app, at most one', () => {
  it('three days asleep with two daily rules: exactly one notification, for the latest time', () => {
    const two = input({ rules: [rule(), rule({ id: 'rule-2', time: '17:00', target: 'checkin' })] });
    const due = dueNow(two, at('2026-11-23T08:00:00Z'), at('2026-11-26T18:00:00Z'));
    expect(due.coalesced).toBe(8); // 4 mornings and 4 evenings, Monday to Thursday
    expect(due.fire).toMatchObject({ target: 'checkin', source: 'rule-2' });
    expect(iso(due.fire?.at ?? 0)).toBe('2026-11-26T17:00:00.000Z');
  });

  it('months away still looks back only a week, and still gives one', () => {
    const due = dueNow(input(), at('2026-01-01T00:00:00Z'), at('2026-11-26T10:00:00Z'));
    expect(due.coalesced).toBe(8);
    expect(iso(due.fire?.at ?? 0)).toBe('2026-11-26T09:00:00.000Z');
  });

  it('nothing missed, nothing shown', () => {
    expect(dueNow(input(), at('2026-11-26T09:30:00Z'), at('2026-11-26T10:00:00Z'))).toEqual({
      fire: null,
      coalesced: 0,
    });
  });
});

describe('a rule edited mid-week', () => {
  const monday = '2026-11-23T07:00:00.000Z';
  const before = rule({
    frequency: { kind: 'weekly', days: ['mon', 'wed', 'fri'] },
    updatedAt: monday,
    createdAt: monday,
  });

  it('the old days stop and the new ones start from the edit; nothing from before the edit fires', () => {
    const tuesdayNoon = '2026-11-24T12:00:00.000Z';
    const after = rule({
      frequency: { kind: 'weekly', days: ['tue', 'thu'] },
      time: '18:00',
      createdAt: monday,
      updatedAt: tuesdayNoon,
    });
    expect(upcomingFires(input({ rules: [before] }), at(tuesdayNoon), 1).map((f) => iso(f.at))).toEqual([
      '2026-11-25T09:00:00.000Z',
    ]);
    const edited = input({ rules: [after] });
    expect(upcomingFires(edited, at(tuesdayNoon), 3).map((f) => iso(f.at))).toEqual([
      '2026-11-24T18:00:00.000Z',
      '2026-11-26T18:00:00.000Z',
      '2026-12-01T18:00:00.000Z',
    ]);
    // Edited at noon to a 09:00 time: this morning's 09:00 is in the past and is not replayed.
    const toMorning = input({ rules: [rule({ ...after, time: '09:00' })] });
    expect(dueNow(toMorning, at('2026-11-24T08:00:00Z'), at('2026-11-24T12:30:00Z')).fire).toBeNull();
  });
});

describe('the Monday message', () => {
  it('week 1 is the first Monday on or after opting in, in the user’s zone', () => {
    expect(firstMondayFrom(at('2026-11-26T10:00:00Z'), 'Europe/London')).toBe('2026-11-30');
    expect(firstMondayFrom(at('2026-11-30T10:00:00Z'), 'Europe/London')).toBe('2026-11-30');
    // Sunday 23:30 in New York is already Monday in London.
    expect(firstMondayFrom(at('2026-11-30T04:30:00Z'), 'America/New_York')).toBe('2026-11-30');
    expect(firstMondayFrom(at('2026-11-30T04:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-30');
  });

  it('follows the weeks of the calendar year, in order, and is null before the first Monday', () => {
    expect(mondayWeek('2026-11-30', at('2026-11-29T12:00:00Z'), 'Europe/London')).toBeNull();
    expect(mondayWeek('2026-11-30', at('2026-11-30T00:30:00Z'), 'Europe/London')).toBe(49);
    // Sunday 23:00 in London is still the same week; Monday starts the next.
    expect(mondayWeek('2026-11-30', at('2026-12-06T23:00:00Z'), 'Europe/London')).toBe(49);
    expect(mondayWeek('2026-11-30', at('2026-12-07T09:00:00Z'), 'Europe/London')).toBe(50);
    // 2026 has 53 ISO weeks: week 52's message stays, then the year starts again at week 1.
    expect(mondayWeek('2026-11-30', at('2026-12-28T09:00:00Z'), 'Europe/London')).toBe(52);
    expect(mondayWeek('2026-11-30', at('2027-01-04T09:00:00Z'), 'Europe/London')).toBe(1);
    // Across the spring DST change the count neither skips nor repeats.
    expect(mondayWeek('2026-11-30', at('2027-03-22T08:00:00Z'), 'Europe/London')).toBe(12);
    expect(mondayWeek('2026-11-30', at('2027-03-29T08:00:00Z'), 'Europe/London')).toBe(13);
    // Monday 00:30 in Tokyo is still Sunday in London: the week is the user's own.
    expect(mondayWeek('2026-11-30', at('2026-12-06T15:30:00Z'), 'Asia/Tokyo')).toBe(50);
    expect(mondayWeek('2026-11-30', at('2026-12-06T15:30:00Z'), 'Europe/London')).toBe(49);
  });

  it('the weekly notification is on Mondays at the chosen time, from week 1', () => {
    const schedule = input({ rules: [], monday: { enabled: true, time: '08:15', startsOn: '2026-11-30' } });
    expect(upcomingFires(schedule, at('2026-11-26T10:00:00Z'), 2).map((f) => [iso(f.at), f.target])).toEqual([
      ['2026-11-30T08:15:00.000Z', 'monday'],
      ['2026-12-07T08:15:00.000Z', 'monday'],
    ]);
  });
});

describe('upcoming', () => {
  it('merges rules in time order with their targets', () => {
    const both = input({
      rules: [rule({ time: '17:00', target: 'checkin' }), rule({ id: 'rule-2', target: 'open' })],
    });
    expect(upcomingFires(both, at('2026-11-26T10:00:00Z'), 3).map((f) => [iso(f.at), f.target])).toEqual([
      ['2026-11-26T17:00:00.000Z', 'checkin'],
      ['2026-11-27T09:00:00.000Z', 'open'],
      ['2026-11-27T17:00:00.000Z', 'checkin'],
    ]);
  });
});

describe('tomorrowIn (the tray\'s "pause until tomorrow")', () => {
  it('is the next calendar day, even late on a 25-hour day when 24 hours on is still today', () => {
    // London, 25 October 2026: clocks go back at 02:00, so that day has 25 hours.
    const lateOnLongDay = Date.parse('2026-10-25T23:30:00Z'); // 23:30 GMT on the 25th
    expect(tomorrowIn(lateOnLongDay, 'Europe/London')).toBe('2026-10-26');
    const earlyOnLongDay = Date.parse('2026-10-24T23:30:00Z'); // 00:30 BST on the 25th
    expect(new Date(earlyOnLongDay + 86_400_000).toISOString().slice(0, 10)).toBe('2026-10-25');
    expect(tomorrowIn(earlyOnLongDay, 'Europe/London')).toBe('2026-10-26');
    expect(tomorrowIn(Date.parse('2026-12-31T12:00:00Z'), 'Pacific/Auckland')).toBe('2027-01-02');
  });
});
