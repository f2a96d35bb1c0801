import { useEffect, useId, useState } from 'react';
import type { CallOutput } from '../../../../src-main/contract';
import { ROOM_LIMITS, WIND_DOWN_MINUTES } from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useCallResult } from '../../api/use-call-result';
import { CrisisResourceList } from '../../components/CrisisResourceList';
import { FormMessage } from '../../components/FormMessage';
import { GroundingExercise } from '../safety';
import { ChipChoices, minutesLabel } from './ChipChoices';
import { FeelingScale, feelingLabel } from './FeelingScale';
import type { RoomState } from './RoomScreen';
import { windDownTime } from './wind-down-time';

/** How this room compares with the arrival, and with the person's own earlier rooms. */
const WIND_DOWN_CHIPS = WIND_DOWN_MINUTES.map((minutes) => ({
  value: minutes,
  label: minutesLabel(minutes),
}));

function Comparison({ arrival, now }: { arrival: number | null; now: number }) {
  const api = useApi();
  const [history, setHistory] = useState<CallOutput<'rooms.summary'>>();
  useEffect(() => {
    let live = true;
    void call(api, 'rooms.summary', { limit: 1 }).then((result) => {
      if (live && result.ok) setHistory(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const rated = history ? history.better + history.same + history.worse : 0;
  return (
    <div className="room-compare" role="status">
      {arrival !== null && (
        <p>
          You arrived feeling {feelingLabel(arrival)}, you are leaving feeling {feelingLabel(now)}.
          {now > arrival && ' That is a real change, and you made the time for it.'}
          {now === arrival && ' Some days the steadying is quiet. Taking the time still counts.'}
        </p>
      )}
      {rated > 0 && history && (
        <p className="muted">
          In your earlier rooms, you left feeling better {history.better}{' '}
          {history.better === 1 ? 'time' : 'times'} out of {rated}.
        </p>
      )}
    </div>
  );
}

/** Gentle next steps when someone leaves feeling worse, with the crisis contacts, without alarm. */
function IfWorse() {
  const { value: help, error } = useCallResult('help.resources');
  return (
    <section className="card" aria-labelledby="room-worse-title">
      <h2 id="room-worse-title">If things feel harder now</h2>
      <p>That happens sometimes when we slow down and notice how we are. It is all right to feel this.</p>
      <ul>
        <li>Give yourself a few more minutes before going back, if you can.</li>
        <li>Talk to someone you trust, today if possible.</li>
        <li>If this feeling stays for a while, talking to your GP can help.</li>
      </ul>
      {help && (
        <>
          <p>If you need to talk to someone now:</p>
          <CrisisResourceList help={help} />
        </>
      )}
      <FormMessage error={error} />
    </section>
  );
}

/**
 * The chosen wind-down length, counting down quietly. It never ends the room: when the time is up
 * it says so once, and the person goes back when they are ready.
 */
function WindDownTimer({ startedAt, minutes }: { startedAt: string; minutes: number }) {
  const [now, setNow] = useState(() => Date.now());
  const time = windDownTime(startedAt, minutes, now);
  useEffect(() => {
    if (time.over) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [time.over]);
  return (
    <div className="room-timer">
      <progress
        max={time.totalSeconds}
        value={time.secondsDone}
        aria-label="Wind-down time"
        aria-valuetext={time.text}
      />
      {/* Read out once, when the time is over; the minutes are on screen but not announced, so
          a screen reader is not interrupted every minute of a grounding exercise. */}
      {!time.over && <p>{time.text}</p>}
      <p role="status">{time.over ? time.text : ''}</p>
    </div>
  );
}

/** The way back to work: ground, keep one thing, notice how you are, a short ritual, then go. */
export function WindDownPhase({ state, onFinish }: { state: RoomState; onFinish: () => void }) {
  const { room, change, busy } = state;
  const ids = { takeAway: useId() };
  const worse =
    room.arrivalRating !== null && room.feelNowRating !== null && room.feelNowRating < room.arrivalRating;
  return (
    <>
      {room.earlyExit && (
        <p className="room-intention">A short wind-down before you go. It only takes a minute.</p>
      )}
      <ChipChoices
        className="room-lengths"
        legend="How long would you like to wind down?"
        options={WIND_DOWN_CHIPS}
        value={room.windDownMinutes}
        onChange={(minutes) => change({ windDownMinutes: minutes as (typeof WIND_DOWN_MINUTES)[number] })}
      />
      <WindDownTimer startedAt={room.phaseStartedAt} minutes={room.windDownMinutes} />
      <GroundingExercise />
      <section className="card" aria-labelledby="room-keep-title">
        <h2 id="room-keep-title">One thing to keep</h2>
        <div className="field">
          <label htmlFor={ids.takeAway}>
            What would you like to take with you from this time? (optional)
          </label>
          <input
            id={ids.takeAway}
            type="text"
            value={room.takeAway}
            maxLength={ROOM_LIMITS.takeAway}
            onChange={(event) => change({ takeAway: event.target.value })}
          />
        </div>
        <FeelingScale
          legend="How are you leaving?"
          value={room.feelNowRating}
          onChange={(value) => change({ feelNowRating: value })}
        />
        {room.feelNowRating !== null && <Comparison arrival={room.arrivalRating} now={room.feelNowRating} />}
      </section>
      {worse && <IfWorse />}
      <section className="card" aria-labelledby="room-ritual-title">
        <h2 id="room-ritual-title">Before you go back</h2>
        <p>
          Stand up and stretch. Look at something far away for a moment. Take one slow breath out. Then, when
          you are ready, step back into your day.
        </p>
      </section>
      <div className="actions">
        <button type="button" aria-disabled={busy} onClick={() => busy || onFinish()}>
          Back to work
        </button>
      </div>
    </>
  );
}
