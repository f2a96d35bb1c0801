import { useId, useState, type FormEvent } from 'react';
import { ROOM_LENGTHS, ROOM_LIMITS } from '../../../../src-main/contract/plain';
import { BreathingGuide } from './BreathingPractice';
import { FeelingScale } from './FeelingScale';
import type { RoomState } from './RoomScreen';

/** About a minute to settle: breathe, put work thoughts aside, choose what this time is for. */
export function ArrivePhase({ state }: { state: RoomState }) {
  const { room, change, advance, busy } = state;
  const ids = { park: useId(), intention: useId(), length: useId(), parkedList: useId() };
  const [thought, setThought] = useState('');
  const full = room.parked.length >= ROOM_LIMITS.parked;

  const park = (event: FormEvent) => {
    event.preventDefault();
    const text = thought.trim();
    if (text === '' || full) return;
    change({ parked: [...room.parked, text] });
    setThought('');
  };

  return (
    <>
      <section className="card room-breathe" aria-labelledby="room-breathe-title">
        <h2 id="room-breathe-title">Settle in</h2>
        <BreathingGuide />
        <p>
          Breathe in as the circle grows, and out, a little longer, as it shrinks. A few breaths is plenty.
        </p>
      </section>

      <section className="card" aria-labelledby={ids.parkedList}>
        <h2 id={ids.parkedList}>Park your work thoughts</h2>
        <p className="hint">
          Anything nagging at you from work? Put it here. You get it all back at the end.
        </p>
        <form className="room-park field" onSubmit={park}>
          <label htmlFor={ids.park}>A work thought to park</label>
          <div className="passphrase-row">
            <input
              id={ids.park}
              type="text"
              value={thought}
              maxLength={ROOM_LIMITS.parkedThought}
              onChange={(event) => setThought(event.target.value)}
              aria-describedby={full ? `${ids.park}-full` : undefined}
            />
            <button type="submit" aria-disabled={full}>
              Park it
            </button>
          </div>
          {full && (
            <p id={`${ids.park}-full`} className="hint">
              That is plenty for now. You can park more next time.
            </p>
          )}
        </form>
        {room.parked.length > 0 && (
          <ul className="room-parked" aria-label="Parked thoughts">
            {room.parked.map((text, index) => (
              <li key={`${index}-${text}`}>
                <span>{text}</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => change({ parked: room.parked.filter((_, i) => i !== index) })}
                >
                  Remove<span className="visually-hidden">: {text}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="room-intention-title">
        <h2 id="room-intention-title">This time is for you</h2>
        <div className="field">
          <label htmlFor={ids.intention}>What would you like from the next few minutes? (optional)</label>
          <input
            id={ids.intention}
            type="text"
            value={room.intention}
            maxLength={ROOM_LIMITS.intention}
            onChange={(event) => change({ intention: event.target.value })}
          />
        </div>
        <FeelingScale
          legend="How are you feeling right now?"
          value={room.arrivalRating}
          onChange={(value) => change({ arrivalRating: value })}
        />
        <fieldset className="choice-group room-lengths">
          <legend>How long do you have?</legend>
          {ROOM_LENGTHS.map((minutes) => (
            <label key={minutes} className="choice">
              <input
                type="radio"
                name={ids.length}
                checked={room.plannedMinutes === minutes}
                onChange={() => change({ plannedMinutes: minutes })}
              />
              {`${minutes} minutes${minutes === 5 ? ' (a quick session)' : ''}`}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          About a minute to arrive, {room.plannedMinutes} minutes for the session, then {room.windDownMinutes}{' '}
          {room.windDownMinutes === 1 ? 'minute' : 'minutes'} to wind down: about{' '}
          {1 + room.plannedMinutes + room.windDownMinutes} minutes in all.
        </p>
      </section>

      <div className="actions">
        <button type="button" aria-disabled={busy} onClick={() => void (busy || advance('begin-session'))}>
          Start the session
        </button>
      </div>
      <p className="hint">Take a minute here if you like, or go straight on.</p>
    </>
  );
}
