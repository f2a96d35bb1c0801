/** How far into the wind-down the person is, for a quiet countdown that never hurries them out. */
export interface WindDownTime {
  /** Seconds of the chosen length still to go (0 once it is over). */
  secondsLeft: number;
  /** Seconds since the wind-down began, at most the chosen length. */
  secondsDone: number;
  totalSeconds: number;
  /** Said in words, a minute at a time, so a screen reader hears a change once a minute at most. */
  text: string;
}

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
      : secondsLeft < 60
        ? 'Less than a minute of your wind-down left.'
        : `About ${minutesLeft === 1 ? 'a minute' : `${minutesLeft} minutes`} of your wind-down left.`;
  return { secondsLeft, secondsDone, totalSeconds, text };
}
