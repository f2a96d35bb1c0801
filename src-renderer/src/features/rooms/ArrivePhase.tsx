import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ROOM_LENGTHS, ROOM_LIMITS } from '../../../../src-main/contract/plain';
import { BreathingGuide } from './BreathingPractice';
import { ChipChoices, minutesLabel } from './ChipChoices';
import { FeelingScale } from './FeelingScale';
import type { RoomState } from './RoomScreen';
import { windDownShare } from './session-time';

const LENGTH_CHIPS = ROOM_LENGTHS.map((minutes) => ({ value: minutes, label: minutesLabel(minutes) }));

type Extra = 'park' | 'intention' | 'breathe';

/** A small button that opens one optional thing in place (aria-expanded says which is open). */
function ExtraChip({
  open,
  controls,
  onToggle,
  children,
}: {
  open: boolean;
  controls: string;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="room-chip"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      {children}
    </button>
  );
}

/** Parking a work thought: one line and Enter. The thoughts come back at the end of the room. */
function ParkThought({ state, id, focus }: { state: RoomState; id: string; focus: boolean }) {
  const { room, change } = state;
  const [thought, setThought] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const full = room.parked.length >= ROOM_LIMITS.parked;
  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);

  const park = (event: FormEvent) => {
    event.preventDefault();
    const text = thought.trim();
    if (text === '' || full) return;
    change({ parked: [...room.parked, text] });
    setThought('');
  };

  return (
    <form id={id} className="room-park room-extra" onSubmit={park}>
      <label htmlFor={`${id}-input`}>A work thought to park</label>
      <div className="passphrase-row">
        <input
          id={`${id}-input`}
          ref={input}
          type="text"
          value={thought}
          maxLength={ROOM_LIMITS.parkedThought}
          onChange={(event) => setThought(event.target.value)}
          aria-describedby={full ? `${id}-full` : undefined}
        />
        <button type="submit" aria-disabled={full}>
          Park it
        </button>
      </div>
      <p id={full ? `${id}-full` : undefined} className="hint">
        {full ? 'That is plenty for now. You can park more next time.' : 'You get it back at the end.'}
      </p>
    </form>
  );
}

/** The intention, on one line. */
function IntentionField({ state, id, focus }: { state: RoomState; id: string; focus: boolean }) {
  const { room, change } = state;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);
  return (
    <div id={id} className="field room-extra">
      <label htmlFor={`${id}-input`}>What would you like from the next few minutes? (optional)</label>
      <input
        id={`${id}-input`}
        ref={input}
        type="text"
        value={room.intention}
        maxLength={ROOM_LIMITS.intention}
        onChange={(event) => change({ intention: event.target.value })}
      />
    </div>
  );
}

/**
 * Arriving takes a second: "Start" comes first and is the biggest thing here. How long, the
 * mood, a parked thought, an intention and a few breaths are all optional and sit below it.
 */
export function ArrivePhase({ state }: { state: RoomState }) {
  const { room, change, advance, busy } = state;
  const ids = { extra: useId() };
  // An intention already written (after a reload) stays in view; a chip opened by hand takes focus.
  const [open, setOpen] = useState<Extra | undefined>(room.intention ? 'intention' : undefined);
  const [opened, setOpened] = useState(false);
  const toggle = (extra: Extra) => {
    setOpened(true);
    setOpen((current) => (current === extra ? undefined : extra));
  };
  const share = windDownShare(room.plannedMinutes, room.windDownMinutes);

  return (
    <div className="room-arrive">
      <p className="room-arrive-lead">{room.plannedMinutes} minutes, just for you.</p>
      <button
        type="button"
        className="room-start"
        aria-disabled={busy}
        onClick={() => void (busy || advance('begin-session'))}
      >
        Start
      </button>
      <p className="room-arrive-plan">
        {room.plannedMinutes - share} {room.plannedMinutes - share === 1 ? 'minute' : 'minutes'} for you, then{' '}
        {share === 1 ? 'a minute' : `${share} minutes`} to wind down.
      </p>

      <ChipChoices
        legend="How long do you have?"
        options={LENGTH_CHIPS}
        value={room.plannedMinutes}
        onChange={(minutes) => change({ plannedMinutes: minutes as (typeof ROOM_LENGTHS)[number] })}
      />

      <FeelingScale
        legend="How are you arriving? (optional)"
        value={room.arrivalRating}
        onChange={(value) => change({ arrivalRating: value })}
      />

      <div className="room-chip-row room-extras">
        <ExtraChip open={open === 'park'} controls={`${ids.extra}-park`} onToggle={() => toggle('park')}>
          Park a thought
        </ExtraChip>
        <ExtraChip
          open={open === 'intention'}
          controls={`${ids.extra}-intention`}
          onToggle={() => toggle('intention')}
        >
          Set an intention
        </ExtraChip>
        <ExtraChip
          open={open === 'breathe'}
          controls={`${ids.extra}-breathe`}
          onToggle={() => toggle('breathe')}
        >
          Breathe first
        </ExtraChip>
      </div>

      {open === 'park' && <ParkThought state={state} id={`${ids.extra}-park`} focus={opened} />}
      {open === 'intention' && <IntentionField state={state} id={`${ids.extra}-intention`} focus={opened} />}
      {open === 'breathe' && (
        <div id={`${ids.extra}-breathe`} className="room-extra room-breathe">
          <BreathingGuide />
          <p>
            Breathe in as the circle grows, and out, a little longer, as it shrinks. A few breaths is plenty.
          </p>
        </div>
      )}

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
    </div>
  );
}
