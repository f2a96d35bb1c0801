import { useId, useState } from 'react';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password' | 'off';
  autoFocus?: boolean;
  hint?: string;
  name?: string;
  /**
   * For a file's passphrase that is meant to be written down or read out: shown from the start,
   * with a button for another suggestion of random words.
   */
  onSuggest?: () => void;
}

/** A passphrase input with a show/hide switch: long passphrases are easier to type when seen. */
export function PassphraseField({
  label,
  value,
  onChange,
  autoComplete,
  autoFocus,
  hint,
  name,
  onSuggest,
}: PassphraseFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(onSuggest !== undefined);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="passphrase-row">
        <input
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          value={value}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="button" className="secondary" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
        {onSuggest && (
          <button type="button" className="secondary" onClick={onSuggest}>
            Suggest another
          </button>
        )}
      </div>
    </div>
  );
}
