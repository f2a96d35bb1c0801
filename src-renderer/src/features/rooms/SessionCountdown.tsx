import { useEffect, useRef, useState } from 'react';
import { sessionTime } from './session-time';

const RING_RADIUS = 44;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

/**
 * The session's time left, as m:ss in a quiet ring. The numbers are not a live region (a screen
 * reader would be interrupted every second); one line is said near the end. When the time is up
 * `onOver` moves the room on to its wind-down, but not while it is paused or hidden: then it
 * happens on coming back.
 */
export function SessionCountdown({
  startedAt,
  plannedMinutes,
  windDownMinutes,
  paused,
  onOver,
}: {
  startedAt: string;
  plannedMinutes: number;
  windDownMinutes: number;
  paused: boolean;
  onOver: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  const time = sessionTime(startedAt, plannedMinutes, windDownMinutes, now);
  const asked = useRef(false);

  useEffect(() => {
    if (time.over) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [time.over]);

  useEffect(() => {
    if (!time.over || paused || asked.current) return;
    asked.current = true;
    onOver();
  }, [time.over, paused, onOver]);

  const share = plannedMinutes - time.totalSeconds / 60;
  const done = time.totalSeconds === 0 ? 1 : 1 - time.secondsLeft / time.totalSeconds;
  return (
    <div className="room-countdown">
      <svg viewBox="0 0 100 100" aria-hidden="true" className="room-countdown-ring">
        <circle cx="50" cy="50" r={RING_RADIUS} className="room-countdown-track" />
        <circle
          cx="50"
          cy="50"
          r={RING_RADIUS}
          className="room-countdown-left"
          strokeDasharray={RING_LENGTH}
          strokeDashoffset={RING_LENGTH * done}
        />
      </svg>
      <p className="room-countdown-text">
        <span className="room-countdown-clock" data-testid="session-time-left">
          {time.clock}
        </span>
        <span className="room-countdown-caption">
          left, then {share === 1 ? 'a minute' : `${share} minutes`} to wind down
        </span>
      </p>
      <p role="status" className="visually-hidden">
        {time.announcement}
      </p>
    </div>
  );
}
