/** The wind-down countdown: the chosen length, said in words a minute at a time, never below zero. */
import { describe, expect, it } from 'vitest';
import { windDownTime } from '../../src-renderer/src/features/rooms/wind-down-time';

const START = '2026-11-26T09:00:00.000Z';
const at = (seconds: number) => Date.parse(START) + seconds * 1000;

describe('windDownTime', () => {
  it('counts the chosen minutes down, in words', () => {
    expect(windDownTime(START, 3, at(0))).toMatchObject({
      secondsLeft: 180,
      secondsDone: 0,
      totalSeconds: 180,
      text: 'About 3 minutes of your wind-down left.',
    });
    expect(windDownTime(START, 3, at(60)).text).toBe('About 2 minutes of your wind-down left.');
    // The words change once a minute: the whole last minute reads the same.
    for (const seconds of [120, 121, 150, 179]) {
      expect(windDownTime(START, 3, at(seconds)).text, `${seconds} s`).toBe(
        'About a minute of your wind-down left.',
      );
    }
    expect(windDownTime(START, 3, at(119)).text).toBe('About 2 minutes of your wind-down left.');
  });

  it('says once that the time is over, and stays there', () => {
    for (const seconds of [180, 181, 3600]) {
      expect(windDownTime(START, 3, at(seconds))).toMatchObject({
        secondsLeft: 0,
        secondsDone: 180,
        over: true,
        text: 'Your wind-down time is over. Go back whenever you are ready.',
      });
    }
  });

  it('treats a start in the future as just begun, and an unreadable start as over', () => {
    expect(windDownTime(START, 1, at(-30))).toMatchObject({ secondsLeft: 60, secondsDone: 0 });
    expect(windDownTime('not a time', 1, at(0))).toMatchObject({ secondsLeft: 0, secondsDone: 60 });
  });
});
