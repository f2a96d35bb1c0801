import { useId } from 'react';
import { FEELING_LABELS } from '../../../../src-main/contract/plain';

/** "How do you feel?" from 1 (very low) to 5 (very good), as five small chips (radio buttons). */
export function FeelingScale({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  const name = useId();
  return (
    <fieldset className="room-chip-group">
      <legend>{legend}</legend>
      <div className="room-chip-row">
        {FEELING_LABELS.map((label, index) => (
          <label key={label} className="room-chip-choice">
            <input
              type="radio"
              name={name}
              value={index + 1}
              checked={value === index + 1}
              onChange={() => onChange(index + 1)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function feelingLabel(value: number | null): string {
  return value === null ? '' : (FEELING_LABELS[value - 1] ?? '').toLowerCase();
}
