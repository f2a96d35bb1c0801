/** The session's countdown: the chosen length is the whole room, its wind-down the last part of it. */
import { describe, expect, it } from 'vitest';
import {
  sessionTime,
  windDownOnMove,
  windDownShare,
} from '../../src-renderer/src/features/rooms/session-time';

const START = '2026-11-26T09:00:00.000Z';
const at = (seconds: number) => Date.parse(START) + seconds * 1000;

describe('windDownShare', () => {
  it('keeps the wind-down to a fifth of the room, at least a minute, at most the chosen one', () => {
    expect([5, 10, 15, 20, 30].map((minutes) => windDownShare(minutes, 3))).toEqual([1, 2, 3, 3, 3]);
    expect(windDownShare(30, 5)).toBe(5);
    expect(windDownShare(20, 1)).toBe(1);
  });
});

describe('sessionTime', () => {
  it('counts a 5-minute room down from 4:00, leaving its last minute for the wind-down', () => {
    expect(sessionTime(START, 5, 3, at(0))).toMatchObject({ secondsLeft: 240, clock: '4:00', over: false });
    expect(sessionTime(START, 5, 3, at(53)).clock).toBe('3:07');
    expect(sessionTime(START, 10, 3, at(0)).clock).toBe('8:00');
    expect(sessionTime(START, 5, 3, at(240))).toMatchObject({ secondsLeft: 0, clock: '0:00', over: true });
    expect(sessionTime(START, 5, 3, at(9999)).secondsLeft).toBe(0);
  });

  it('says "one minute left" only in the last minute, and nothing once it is over', () => {
    expect(sessionTime(START, 5, 3, at(179)).announcement).toBe('');
    for (const seconds of [180, 200, 239]) {
      expect(sessionTime(START, 5, 3, at(seconds)).announcement, `${seconds} s`).toBe(
        'One minute left, then your wind-down.',
      );
    }
    expect(sessionTime(START, 5, 3, at(240)).announcement).toBe('');
  });

  it('treats a start in the future as just begun, and an unreadable one as over', () => {
    expect(sessionTime(START, 5, 3, at(-60)).secondsLeft).toBe(240);
    expect(sessionTime('not a time', 5, 3, at(0)).over).toBe(true);
  });
});

describe('windDownOnMove', () => {
  it('gives the chosen wind-down when it fits, what is left when it does not, and at least a minute', () => {
    expect(windDownOnMove(START, 5, 3, at(30))).toBe(3);
    expect(windDownOnMove(START, 5, 3, at(150))).toBe(3);
    expect(windDownOnMove(START, 5, 3, at(200))).toBe(2);
    expect(windDownOnMove(START, 5, 3, at(240))).toBe(1);
    expect(windDownOnMove(START, 5, 3, at(600))).toBe(1);
  });
});
