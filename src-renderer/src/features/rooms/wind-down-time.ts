/** How far into the wind-down the person is, for a quiet countdown that never hurries them out. */
export interface WindDownTime {
  /** Seconds of the chosen length still to go (0 once it is over). */
  secondsLeft: number;
  /** Seconds since the wind-down began, at most the chosen length. */
  secondsDone: number;
  totalSeconds: number;
  /** In words, changing once a minute: "About 3 minutes…", "About a minute…", then that it is over. */
  text: string;
  over: boolean;
}

/**
 * Where the wind-down stands at `now`, by the clock: time hidden behind the privacy key or a lock
 * counts too, as it does for the person. The count is a guide and never ends the room.
 */
export function windDownTime(startedAt: string, minutes: number, now: number): WindDownTime {
  const totalSeconds = minutes * 60;
  const started = Date.parse(startedAt);
  // A start in the future (a clock moved back) counts as just begun; an unreadable one as over.
  const elapsed = Number.isNaN(started) ? totalSeconds : Math.max(0, (now - started) / 1000);
  const secondsDone = Math.min(totalSeconds, Math.floor(elapsed));
  const secondsLeft = totalSeconds - secondsDone;
  const minutesLeft = Math.ceil(secondsLeft / 60);
  const text =
    secondsLeft === 0
      ? 'Your wind-down time is over. Go back whenever you are ready.'
      : minutesLeft === 1
        ? 'About a minute of your wind-down left.'
        : `About ${minutesLeft} minutes of your wind-down left.`;
  return { secondsLeft, secondsDone, totalSeconds, text, over: secondsLeft === 0 };
}
