import { useId } from 'react';
import { FEELING_LABELS } from '../../../../src-main/contract/plain';

/** "How do you feel?" from 1 (very low) to 5 (very good), as a group of radio buttons. */
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
    <fieldset className="choice-group room-scale">
      <legend>{legend}</legend>
      {FEELING_LABELS.map((label, index) => (
        <label key={label} className="choice">
          <input
            type="radio"
            name={name}
            value={index + 1}
            checked={value === index + 1}
            onChange={() => onChange(index + 1)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function feelingLabel(value: number | null): string {
  return value === null ? '' : (FEELING_LABELS[value - 1] ?? '').toLowerCase();
}
