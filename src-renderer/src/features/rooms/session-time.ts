/*
 * The session's countdown. The length chosen on arrival is the whole room from "Start" to "Back
 * to work", wind-down included: someone with five minutes before a meeting has five minutes, not
 * five plus a wind-down (the old room asked for 5 and took about 9). So the wind-down is the last
 * part of the length, and the session is what comes before it. The count is by the clock, like
 * the wind-down's: time behind the privacy key, a pause or a lock passes for the person too.
 */

/** The wind-down inside a room of `plannedMinutes`: the person's own length, but at most a fifth
 *  of the room (so a 5-minute room keeps 4 minutes for its activity), and never under a minute. */
export function windDownShare(plannedMinutes: number, windDownMinutes: number): number {
  return Math.max(1, Math.min(windDownMinutes, Math.floor(plannedMinutes / 5)));
}

export interface SessionTime {
  /** Seconds of the session still to go before the wind-down (0 once it is over). */
  secondsLeft: number;
  totalSeconds: number;
  /** "3:07" */
  clock: string;
  /** Said once, near the end, for a screen reader; empty the rest of the time. */
  announcement: string;
  over: boolean;
}

export function sessionTime(
  startedAt: string,
  plannedMinutes: number,
  windDownMinutes: number,
  now: number,
): SessionTime {
  const totalSeconds = (plannedMinutes - windDownShare(plannedMinutes, windDownMinutes)) * 60;
  const started = Date.parse(startedAt);
  // A start in the future (a clock moved back) counts as just begun; an unreadable one as over.
  const elapsed = Number.isNaN(started) ? totalSeconds : Math.max(0, Math.floor((now - started) / 1000));
  const secondsLeft = Math.max(0, totalSeconds - elapsed);
  const clock = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')}`;
  const announcement = secondsLeft > 0 && secondsLeft <= 60 ? 'One minute left, then your wind-down.' : '';
  return { secondsLeft, totalSeconds, clock, announcement, over: secondsLeft === 0 };
}

/**
 * How long the wind-down is when the session moves on to it, at `now`: the person's length if it
 * still fits in what is left of the room, otherwise what is left, and at least a minute.
 */
export function windDownOnMove(
  startedAt: string,
  plannedMinutes: number,
  windDownMinutes: number,
  now: number,
): number {
  const end = Date.parse(startedAt) + plannedMinutes * 60_000;
  const minutesLeft = Number.isNaN(end) ? 1 : Math.ceil((end - now) / 60_000);
  return Math.max(1, Math.min(windDownMinutes, minutesLeft));
}
