import { useId, type ReactNode } from 'react';

/** The thought record's own fields: a labelled text box and a 0–100% rating, each with its error. */

export function replace<T>(list: T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

export function FieldError({ message, id }: { message?: string; id?: string }): ReactNode {
  if (!message) return null;
  return (
    <p className="error field-error" id={id}>
      {message}
    </p>
  );
}

export function TextField({
  label,
  value,
  onChange,
  error,
  short,
  singleLine,
  max = 4000,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  short?: boolean;
  singleLine?: boolean;
  max?: number;
}) {
  const id = useId();
  const props = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {singleLine ? (
        <input type="text" {...props} maxLength={60} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea
          {...props}
          className={short ? 'short' : undefined}
          maxLength={max}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}

/** A 0–100% rating, left empty until the person rates it. */
export function PercentField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="field percent-field">
      <label htmlFor={id}>{label}</label>
      <div className="percent-input">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={value ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            const raw = event.target.value;
            if (raw === '') return onChange(null);
            const number = Math.round(Number(raw));
            if (Number.isFinite(number)) onChange(Math.min(100, Math.max(0, number)));
          }}
        />
        <span aria-hidden="true">%</span>
      </div>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}
