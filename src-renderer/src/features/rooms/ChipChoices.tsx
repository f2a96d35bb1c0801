import { useId } from 'react';

export interface ChipOption {
  value: number;
  label: string;
}

/** "5 minutes", "1 minute": a length as a chip says it. */
export function minutesLabel(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/**
 * One choice from a few, as a row of small chips: real radio buttons (arrow keys, screen readers)
 * drawn as chips by rooms.css. The room's length, its wind-down and the feeling scales use it.
 */
export function ChipChoices({
  legend,
  options,
  value,
  onChange,
  className,
}: {
  legend: string;
  options: readonly ChipOption[];
  value: number | null;
  onChange: (value: number) => void;
  className?: string;
}) {
  const name = useId();
  return (
    <fieldset className={className ? `room-chip-group ${className}` : 'room-chip-group'}>
      <legend>{legend}</legend>
      <div className="room-chip-row">
        {options.map((option) => (
          <label key={option.value} className="room-chip-choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
