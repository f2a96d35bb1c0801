import type { AnswerValue, ExerciseField, StepAnswers } from '../../../../src-main/contract';

/**
 * The fields of an exercise or reflection, filled from the saved answers. Every control has a
 * visible label; groups are fieldsets with a legend, so a screen reader hears the question.
 */
export function ExerciseFields({
  idPrefix,
  fields,
  answers,
  onChange,
}: {
  idPrefix: string;
  fields: readonly ExerciseField[];
  answers: StepAnswers;
  onChange: (fieldId: string, value: AnswerValue) => void;
}) {
  return (
    <div className="exercise-fields">
      {fields.map((field) => (
        <Field
          key={field.id}
          id={`${idPrefix}-${field.id}`}
          field={field}
          value={answers[field.id]}
          onChange={(value) => onChange(field.id, value)}
        />
      ))}
    </div>
  );
}

function Field({
  id,
  field,
  value,
  onChange,
}: {
  id: string;
  field: ExerciseField;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const hintId = field.hint ? `${id}-hint` : undefined;
  const optional = field.optional ? <span className="muted"> (optional)</span> : null;
  const hint = field.hint ? (
    <p id={hintId} className="hint">
      {field.hint}
    </p>
  ) : null;

  if (field.type === 'text') {
    const text = typeof value === 'string' ? value : '';
    return (
      <div className="field">
        <label htmlFor={id}>
          {field.label}
          {optional}
        </label>
        {hint}
        {field.lines > 1 ? (
          <textarea
            id={id}
            rows={field.lines}
            maxLength={4000}
            aria-describedby={hintId}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            id={id}
            type="text"
            maxLength={4000}
            aria-describedby={hintId}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </div>
    );
  }

  if (field.type === 'list') {
    const items = Array.isArray(value) ? value : [];
    // One empty box after the last filled one, up to the limit.
    const shown = Math.min(
      field.maxItems,
      Math.max(1, items.filter((item) => item !== '').length + 1, items.length),
    );
    return (
      <fieldset className="field list-field" aria-describedby={hintId}>
        <legend>
          {field.label}
          {optional}
        </legend>
        {hint}
        <ol>
          {Array.from({ length: shown }, (_, index) => (
            <li key={index}>
              <label className="visually-hidden" htmlFor={`${id}-${index}`}>
                {field.label}, item {index + 1} of up to {field.maxItems}
              </label>
              <input
                id={`${id}-${index}`}
                type="text"
                maxLength={300}
                value={items[index] ?? ''}
                onChange={(event) => {
                  const next = [...items];
                  while (next.length <= index) next.push('');
                  next[index] = event.target.value;
                  onChange(trimTrailingEmpty(next));
                }}
              />
            </li>
          ))}
        </ol>
      </fieldset>
    );
  }

  if (field.type === 'scale') {
    const count = field.max - field.min + 1;
    if (count > 11) {
      return (
        <div className="field">
          <label htmlFor={id}>
            {field.label} ({field.min} = {field.minLabel}, {field.max} = {field.maxLabel}){optional}
          </label>
          {hint}
          <input
            id={id}
            type="number"
            min={field.min}
            max={field.max}
            step={1}
            aria-describedby={hintId}
            value={typeof value === 'number' ? value : ''}
            onChange={(event) => {
              const number = Number(event.target.value);
              if (event.target.value !== '' && Number.isFinite(number)) onChange(Math.round(number));
            }}
          />
        </div>
      );
    }
    return (
      <fieldset className="field scale-field" aria-describedby={hintId}>
        <legend>
          {field.label}
          {optional}
        </legend>
        {hint}
        <div className="scale-options">
          {Array.from({ length: count }, (_, index) => field.min + index).map((n) => (
            <label key={n} className="scale-option">
              <input type="radio" name={id} value={n} checked={value === n} onChange={() => onChange(n)} />
              <span>{n}</span>
              <span className="visually-hidden">
                {n === field.min ? `, ${field.minLabel}` : n === field.max ? `, ${field.maxLabel}` : ''}
              </span>
            </label>
          ))}
        </div>
        <p className="scale-ends muted" aria-hidden="true">
          <span>
            {field.min}: {field.minLabel}
          </span>
          <span>
            {field.max}: {field.maxLabel}
          </span>
        </p>
      </fieldset>
    );
  }

  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return (
    <fieldset className="field choice-group" aria-describedby={hintId}>
      <legend>
        {field.label}
        {optional}
      </legend>
      {hint}
      {field.options.map((option) => (
        <label key={option.id} className="choice">
          <input
            type={field.multiple ? 'checkbox' : 'radio'}
            name={id}
            value={option.id}
            checked={chosen.includes(option.id)}
            onChange={(event) => {
              if (!field.multiple) return onChange(option.id);
              onChange(
                event.target.checked
                  ? [...chosen.filter((c) => c !== option.id), option.id]
                  : chosen.filter((c) => c !== option.id),
              );
            }}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function trimTrailingEmpty(items: string[]): string[] {
  const next = [...items];
  while (next.length > 0 && next.at(-1) === '') next.pop();
  return next;
}
