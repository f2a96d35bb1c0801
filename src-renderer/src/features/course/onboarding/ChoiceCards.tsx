import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Choice<T> {
  value: T;
  label: string;
  hint?: ReactNode;
}

/** Long enough to see the card take the tick, short enough not to feel like waiting. */
const MOUSE_PAUSE_MS = 200;

/**
 * One answer from a few, as large cards. They are native radios, so arrow keys move through
 * them as everywhere else; Enter or Space chooses the focused card and moves on, and so does a
 * click (after a moment, so the tick is seen).
 */
export function RadioCards<T extends string | number>({
  name,
  choices,
  chosen,
  onChoose,
  onGoOn,
}: {
  name: string;
  choices: readonly Choice<T>[];
  chosen: T | undefined;
  onChoose: (value: T) => void;
  /** Told after the choice is made: the next question, or whatever follows the last. */
  onGoOn: (value: T) => void;
}) {
  const pause = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(pause.current), []);

  function keyDown(event: KeyboardEvent<HTMLInputElement>, value: T) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onChoose(value);
    onGoOn(value);
  }

  return (
    <div className="choice-cards">
      {choices.map((choice) => (
        <label key={String(choice.value)} className="choice-card">
          <input
            type="radio"
            name={name}
            checked={chosen === choice.value}
            onChange={() => onChoose(choice.value)}
            onKeyDown={(event) => keyDown(event, choice.value)}
            onClick={(event) => {
              // A click the arrow keys make has no detail; only a pointer's moves on.
              if (event.detail === 0) return;
              window.clearTimeout(pause.current);
              pause.current = window.setTimeout(() => onGoOn(choice.value), MOUSE_PAUSE_MS);
            }}
          />
          <ChoiceText choice={choice} />
        </label>
      ))}
    </div>
  );
}

/** A card's words: its label, and a quieter hint under it when there is one. */
function ChoiceText({ choice }: { choice: Choice<string | number> }) {
  return (
    <span className="choice-card-text">
      <span className="choice-card-label">{choice.label}</span>
      {choice.hint && <span className="choice-card-hint">{choice.hint}</span>}
    </span>
  );
}

/**
 * Any number of answers, as large cards: Space ticks one, the arrow keys move between them
 * (as in a radio group), and Enter moves on with what is ticked.
 */
export function CheckboxCards<T extends string>({
  choices,
  chosen,
  onChange,
  onGoOn,
}: {
  choices: readonly Choice<T>[];
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  onGoOn: () => void;
}) {
  const group = useRef<HTMLDivElement>(null);

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      return onGoOn();
    }
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const boxes = [...(group.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const at = boxes.indexOf(event.currentTarget);
    boxes[(at + step + boxes.length) % boxes.length]?.focus();
  }

  return (
    <div className="choice-cards" ref={group}>
      {choices.map((choice) => (
        <label key={choice.value} className="choice-card">
          <input
            type="checkbox"
            checked={chosen.includes(choice.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, choice.value]
                  : chosen.filter((value) => value !== choice.value),
              )
            }
            onKeyDown={keyDown}
          />
          <ChoiceText choice={choice} />
        </label>
      ))}
    </div>
  );
}
