import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ThinkingTrap, ThoughtStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import {
  EMPTY_DRAFT,
  fieldErrors,
  fromRecord,
  isEmpty,
  namedEmotions,
  toInput,
  type Rated,
  type ThoughtDraft,
} from './thought-draft';

const AUTOSAVE_MS = 800;

const STEPS = {
  situation: 'The situation',
  thoughts: 'Automatic thoughts',
  emotions: 'Feelings',
  traps: 'Thinking traps',
  for: 'Evidence for the thought',
  against: 'Evidence against the thought',
  balanced: 'A balanced thought',
  rerate: 'Rate it again',
} as const;
type StepKey = keyof typeof STEPS;
const FULL: StepKey[] = [
  'situation',
  'thoughts',
  'emotions',
  'traps',
  'for',
  'against',
  'balanced',
  'rerate',
];
const SHORT: StepKey[] = ['situation', 'thoughts', 'balanced'];

/** Which step holds the field an error names. */
function stepOf(path: string): StepKey {
  const root = path.split('.')[0];
  if (root === 'automaticThoughts') return 'thoughts';
  if (root === 'emotions') return 'emotions';
  if (root === 'thinkingTraps') return 'traps';
  if (root === 'evidenceFor') return 'for';
  if (root === 'evidenceAgainst') return 'against';
  if (root === 'balancedThought') return 'balanced';
  if (root === 'rerated') return 'rerate';
  return 'situation';
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * A thought record in steps. A draft saves itself as the person types (and on every step), so
 * closing the window loses nothing; Finish checks that every step is there.
 */
export function ThoughtRecordForm({ id, onClose }: { id?: string; onClose: (message?: string) => void }) {
  const api = useApi();
  const [draft, setDraft] = useState<ThoughtDraft>(EMPTY_DRAFT);
  const [loaded, setLoaded] = useState(id === undefined);
  const [status, setStatus] = useState<ThoughtStatus>('draft');
  const [short, setShort] = useState(false);
  const [step, setStep] = useState<StepKey>('situation');
  const [traps, setTraps] = useState<ThinkingTrap[]>([]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [problem, setProblem] = useState<string>();
  const title = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const draftRef = useRef(draft);
  const idRef = useRef(id);
  const dirty = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const firstStep = useRef(true);

  useEffect(() => title.current?.focus(), []);

  useEffect(() => {
    let live = true;
    void call(api, 'thoughts.traps', {}).then((result) => {
      if (live && result.ok) setTraps(result.value.traps);
    });
    if (id) {
      void call(api, 'thoughts.get', { id }).then((result) => {
        if (!live) return;
        if (!result.ok) setProblem(result.error.message);
        else if (!result.value.record) setProblem('This thought record is no longer here.');
        else {
          const next = fromRecord(result.value.record);
          draftRef.current = next;
          setDraft(next);
          setStatus(result.value.record.status);
          setLoaded(true);
        }
      });
    }
    return () => {
      live = false;
    };
  }, [api, id]);

  /** Saves what is typed now, one save after another, so a new record is created only once. */
  const save = useCallback(
    (as: ThoughtStatus) => {
      const run = queue.current.then(async () => {
        dirty.current = false;
        setSaveState({ kind: 'saving' });
        const result = await call(api, 'thoughts.save', toInput(draftRef.current, idRef.current, as));
        if (result.ok) {
          idRef.current = result.value.id;
          setStatus(result.value.status);
          setSaveState({ kind: 'saved' });
        } else {
          if (as === 'draft') dirty.current = true;
          setSaveState(as === 'draft' ? { kind: 'failed', message: result.error.message } : { kind: 'idle' });
        }
        return result;
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [api],
  );

  const autosaving = status === 'draft';

  // Autosave a draft a moment after the last change.
  useEffect(() => {
    if (!autosaving || !dirty.current) return;
    const timer = window.setTimeout(() => void save('draft'), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, autosaving, save]);

  // Leaving with changes not yet saved (another section, say): save them on the way out.
  useEffect(
    () => () => {
      if (dirty.current && autosaving && !isEmpty(draftRef.current)) void save('draft');
    },
    [autosaving, save],
  );

  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else stepHeading.current?.focus();
  }, [step]);

  function change(update: (current: ThoughtDraft) => ThoughtDraft) {
    const next = update(draftRef.current);
    draftRef.current = next;
    dirty.current = !isEmpty(next) || idRef.current !== undefined;
    setDraft(next);
    // "Saved" would no longer be true: it comes back once this change is saved.
    setSaveState((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }

  const steps = short ? SHORT : FULL;
  const index = Math.max(0, steps.indexOf(step));
  const last = index === steps.length - 1;

  function go(to: StepKey) {
    if (autosaving && dirty.current) void save('draft');
    setStep(to);
  }

  async function finish() {
    if (saveState.kind === 'saving') return;
    const result = await save('complete');
    if (result.ok) return onClose('Thought record finished and saved.');
    const found = fieldErrors(result.error.message);
    setErrors(found);
    setProblem(found.length === 0 ? `Not saved: ${result.error.message}` : undefined);
  }

  async function saveAndClose() {
    if (saveState.kind === 'saving') return;
    if (isEmpty(draftRef.current) && !idRef.current) return onClose();
    const result = await save(status);
    if (result.ok)
      onClose(status === 'draft' ? 'Draft saved. You can pick it up any time.' : 'Changes saved.');
    else setProblem(`Not saved: ${result.error.message}`);
  }

  const errorAt = (path: string) => errors.find((e) => e.path === path)?.message;
  const keptIndex = (rows: Rated[], i: number) =>
    rows.slice(0, i).filter((row) => row.text.trim() !== '' || row.rating !== null).length;

  const original = draft.thoughts.filter((t) => t.text.trim() !== '');
  const showOriginal = ['for', 'against', 'balanced', 'rerate'].includes(step) && original.length > 0;

  return (
    <section aria-labelledby="thought-title" className="thought-record">
      <header className="screen-header">
        <h1 id="thought-title" tabIndex={-1} ref={title}>
          Thought record
        </h1>
        <p className="lead">
          Writing a stressful thought down and weighing it up helps you see it more fairly, so it has less
          hold on you.
        </p>
      </header>
      <FormMessage error={problem} />
      {errors.length > 0 && (
        <div role="alert" className="card error-summary">
          <h2>A few things are still needed to finish</h2>
          <ul>
            {errors.map((error) => (
              <li key={error.path}>
                <button type="button" className="link-button" onClick={() => go(stepOf(error.path))}>
                  {STEPS[stepOf(error.path)]}: {error.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {loaded && (
        <form
          className="card"
          aria-labelledby="thought-step-title"
          onSubmit={(event) => {
            event.preventDefault();
            if (last) void (short ? saveAndClose() : finish());
            else go(steps[index + 1]!);
          }}
        >
          <p className="muted step-count">
            Step {index + 1} of {steps.length}
            {status === 'complete' ? ' · finished record' : ''}
          </p>
          <h2 id="thought-step-title" tabIndex={-1} ref={stepHeading}>
            {STEPS[step]}
          </h2>
          {step === 'situation' && id === undefined && (
            <fieldset className="choice-group">
              <legend>How long do you have?</legend>
              <label className="choice">
                <input type="radio" name="thought-length" checked={!short} onChange={() => setShort(false)} />
                About 10 minutes: the full record
              </label>
              <label className="choice">
                <input type="radio" name="thought-length" checked={short} onChange={() => setShort(true)} />
                About 5 minutes: the situation, the thought and a balanced thought, kept as a draft to finish
                later
              </label>
            </fieldset>
          )}
          {showOriginal && (
            <aside className="notice original-thought" aria-label="Your original thought">
              <p>
                <strong>Your original thought</strong>
              </p>
              <ul>
                {original.map((thought, i) => (
                  <li key={i}>
                    “{thought.text}”
                    {thought.rating !== null && (
                      <span className="muted"> (you believed it {thought.rating}%)</span>
                    )}
                  </li>
                ))}
              </ul>
            </aside>
          )}

          {step === 'situation' && (
            <TextField
              label="What happened? Where were you, who was there, what was going on?"
              value={draft.situation}
              max={2000}
              error={errorAt('situation')}
              onChange={(situation) => change((d) => ({ ...d, situation }))}
            />
          )}

          {step === 'thoughts' && (
            <fieldset className="rows">
              <legend>What went through your mind? Rate how much you believed each thought.</legend>
              {draft.thoughts.map((thought, i) => {
                const k = keptIndex(draft.thoughts, i);
                return (
                  <div key={i} className="row">
                    <TextField
                      label={`Thought ${i + 1}`}
                      value={thought.text}
                      short
                      max={1000}
                      error={errorAt(`automaticThoughts.${k}.text`)}
                      onChange={(text) =>
                        change((d) => ({
                          ...d,
                          thoughts: replace(d.thoughts, i, { ...d.thoughts[i]!, text }),
                        }))
                      }
                    />
                    <PercentField
                      label={`How much you believed thought ${i + 1} (0 to 100%)`}
                      value={thought.rating}
                      error={errorAt(`automaticThoughts.${k}.belief`)}
                      onChange={(rating) =>
                        change((d) => ({
                          ...d,
                          thoughts: replace(d.thoughts, i, { ...d.thoughts[i]!, rating }),
                        }))
                      }
                    />
                    {draft.thoughts.length > 1 && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          change((d) => ({ ...d, thoughts: d.thoughts.filter((_, j) => j !== i) }))
                        }
                      >
                        Remove thought {i + 1}
                      </button>
                    )}
                  </div>
                );
              })}
              <FieldError message={errorAt('automaticThoughts')} />
              {draft.thoughts.length < 10 && (
                <button
                  type="button"
                  className="secondary add-row"
                  onClick={() =>
                    change((d) => ({ ...d, thoughts: [...d.thoughts, { text: '', rating: null }] }))
                  }
                >
                  Add another thought
                </button>
              )}
            </fieldset>
          )}

          {step === 'emotions' && (
            <fieldset className="rows">
              <legend>
                What did you feel? Name each feeling (anxious, angry, low…) and how strong it was.
              </legend>
              {draft.emotions.map((emotion, i) => {
                const k = keptIndex(draft.emotions, i);
                return (
                  <div key={i} className="row">
                    <TextField
                      label={`Feeling ${i + 1}`}
                      value={emotion.text}
                      short
                      singleLine
                      error={errorAt(`emotions.${k}.name`)}
                      onChange={(text) =>
                        change((d) => ({
                          ...d,
                          emotions: replace(d.emotions, i, { ...d.emotions[i]!, text }),
                        }))
                      }
                    />
                    <PercentField
                      label={`How strong feeling ${i + 1} was (0 to 100%)`}
                      value={emotion.rating}
                      error={errorAt(`emotions.${k}.intensity`)}
                      onChange={(rating) =>
                        change((d) => ({
                          ...d,
                          emotions: replace(d.emotions, i, { ...d.emotions[i]!, rating }),
                        }))
                      }
                    />
                    {draft.emotions.length > 1 && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          change((d) => ({ ...d, emotions: d.emotions.filter((_, j) => j !== i) }))
                        }
                      >
                        Remove feeling {i + 1}
                      </button>
                    )}
                  </div>
                );
              })}
              <FieldError message={errorAt('emotions')} />
              {draft.emotions.length < 10 && (
                <button
                  type="button"
                  className="secondary add-row"
                  onClick={() =>
                    change((d) => ({ ...d, emotions: [...d.emotions, { text: '', rating: null }] }))
                  }
                >
                  Add another feeling
                </button>
              )}
            </fieldset>
          )}

          {step === 'traps' && (
            <fieldset className="choice-group traps">
              <legend>Do any of these thinking traps sound familiar? Tick any that fit (or none).</legend>
              {traps.map((trap) => (
                <div key={trap.id} className="trap">
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={draft.traps.includes(trap.id)}
                      aria-describedby={`trap-${trap.id}`}
                      onChange={(event) => {
                        const on = event.target.checked;
                        change((d) => ({
                          ...d,
                          traps: on ? [...d.traps, trap.id] : d.traps.filter((t) => t !== trap.id),
                        }));
                      }}
                    />
                    {trap.name}
                  </label>
                  <p className="hint" id={`trap-${trap.id}`}>
                    {trap.description}
                  </p>
                </div>
              ))}
              <FieldError message={errorAt('thinkingTraps')} />
            </fieldset>
          )}

          {step === 'for' && (
            <TextField
              label="What facts support the thought? Facts, not feelings."
              value={draft.evidenceFor}
              error={errorAt('evidenceFor')}
              onChange={(evidenceFor) => change((d) => ({ ...d, evidenceFor }))}
            />
          )}

          {step === 'against' && (
            <TextField
              label="What facts don't fit the thought? What would you say to a friend who thought it?"
              value={draft.evidenceAgainst}
              error={errorAt('evidenceAgainst')}
              onChange={(evidenceAgainst) => change((d) => ({ ...d, evidenceAgainst }))}
            />
          )}

          {step === 'balanced' && (
            <TextField
              label="A balanced thought: a fairer way of seeing it, taking in both sides"
              value={draft.balancedThought}
              max={2000}
              error={errorAt('balancedThought')}
              onChange={(balancedThought) => change((d) => ({ ...d, balancedThought }))}
            />
          )}

          {step === 'rerate' && (
            <fieldset className="rows">
              <legend>Now that you have a balanced thought, how do things look?</legend>
              <PercentField
                label="How much you believe your original thought now (0 to 100%)"
                value={draft.reratedBelief}
                error={errorAt('rerated.belief')}
                onChange={(reratedBelief) => change((d) => ({ ...d, reratedBelief }))}
              />
              {namedEmotions(draft).map((name, i) => (
                <PercentField
                  key={name}
                  label={`How strong “${name}” is now (0 to 100%)`}
                  value={draft.reratedEmotions[name] ?? null}
                  error={errorAt(`rerated.emotions.${i}.intensity`)}
                  onChange={(rating) =>
                    change((d) => ({ ...d, reratedEmotions: { ...d.reratedEmotions, [name]: rating } }))
                  }
                />
              ))}
              <FieldError message={errorAt('rerated.emotions')} />
            </fieldset>
          )}

          <p role="status" className="muted save-state">
            {saveState.kind === 'saving' ? 'Saving…' : saveState.kind === 'saved' ? 'Saved' : ''}
          </p>
          {saveState.kind === 'failed' && (
            <p role="alert" className="error">
              Not saved yet: {saveState.message}
            </p>
          )}
          <div className="actions">
            {index > 0 && (
              <button type="button" className="secondary" onClick={() => go(steps[index - 1]!)}>
                Back
              </button>
            )}
            <button type="submit" aria-disabled={saveState.kind === 'saving' && last}>
              {!last
                ? 'Next'
                : short
                  ? 'Save draft and close'
                  : status === 'complete'
                    ? 'Save changes'
                    : 'Finish'}
            </button>
            {short && last && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setShort(false);
                  go('emotions');
                }}
              >
                Continue with the full record
              </button>
            )}
            {!(short && last) && (
              <button type="button" className="secondary" onClick={() => void saveAndClose()}>
                {status === 'draft' ? 'Save draft and close' : 'Save and close'}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => onClose()}>
              Back to the diary
            </button>
          </div>
        </form>
      )}
      {!loaded && !problem && <p aria-live="polite">Loading…</p>}
    </section>
  );
}

function replace<T>(list: T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

function FieldError({ message, id }: { message?: string; id?: string }): ReactNode {
  if (!message) return null;
  return (
    <p className="error field-error" id={id}>
      {message}
    </p>
  );
}

function TextField({
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
function PercentField({
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
