import type { Rated } from './thought-draft';
import { FieldError, PercentField, replace, TextField } from './thought-fields';

/** At most this many thoughts or feelings in one record. */
const MAX_ROWS = 10;

/**
 * The thoughts step and the feelings step: rows of a text and a 0–100% rating, with Add and
 * Remove. Errors name rows by their place among the kept (non-empty) rows, as the server does.
 */
export function RatedRows({
  legend,
  noun,
  rows,
  textLabel,
  ratingLabel,
  textError,
  ratingError,
  listError,
  singleLine,
  max,
  onChange,
}: {
  legend: string;
  /** "thought" or "feeling", for the buttons. */
  noun: string;
  rows: Rated[];
  textLabel: (n: number) => string;
  ratingLabel: (n: number) => string;
  textError: (kept: number) => string | undefined;
  ratingError: (kept: number) => string | undefined;
  listError?: string;
  singleLine?: boolean;
  max?: number;
  onChange: (update: (rows: Rated[]) => Rated[]) => void;
}) {
  const keptIndex = (i: number) =>
    rows.slice(0, i).filter((row) => row.text.trim() !== '' || row.rating !== null).length;
  return (
    <fieldset className="rows">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} className="row">
          <TextField
            label={textLabel(i + 1)}
            value={row.text}
            short
            singleLine={singleLine}
            max={max}
            error={textError(keptIndex(i))}
            onChange={(text) => onChange((current) => replace(current, i, { ...current[i]!, text }))}
          />
          <PercentField
            label={ratingLabel(i + 1)}
            value={row.rating}
            error={ratingError(keptIndex(i))}
            onChange={(rating) => onChange((current) => replace(current, i, { ...current[i]!, rating }))}
          />
          {rows.length > 1 && (
            <button
              type="button"
              className="link-button"
              onClick={() => onChange((current) => current.filter((_, j) => j !== i))}
            >
              Remove {noun} {i + 1}
            </button>
          )}
        </div>
      ))}
      <FieldError message={listError} />
      {rows.length < MAX_ROWS && (
        <button
          type="button"
          className="secondary add-row"
          onClick={() => onChange((current) => [...current, { text: '', rating: null }])}
        >
          Add another {noun}
        </button>
      )}
    </fieldset>
  );
}
