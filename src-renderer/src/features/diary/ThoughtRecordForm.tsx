import { useEffect, useRef, useState } from 'react';
import { FormMessage } from '../../components/FormMessage';
import { fieldErrors, isEmpty, namedEmotions } from './thought-draft';
import { RatedRows } from './RatedRows';
import { FieldError, PercentField, TextField } from './thought-fields';
import { FULL, SHORT, STEPS, stepOf, type StepKey } from './thought-steps';
import { useThoughtRecord } from './use-thought-record';

/**
 * A thought record in steps. A draft saves itself as the person types (and on every step), so
 * closing the window loses nothing; Finish checks that every step is there.
 */
export function ThoughtRecordForm({ id, onClose }: { id?: string; onClose: (message?: string) => void }) {
  const {
    draft,
    loaded,
    status,
    traps,
    saveState,
    problem,
    setProblem,
    save,
    change,
    autosaving,
    dirty,
    idRef,
    draftRef,
  } = useThoughtRecord(id);
  const [short, setShort] = useState(false);
  const [step, setStep] = useState<StepKey>('situation');
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const title = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);

  useEffect(() => title.current?.focus(), []);

  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else stepHeading.current?.focus();
  }, [step]);

  const steps = short ? SHORT : FULL;
  const index = Math.max(0, steps.indexOf(step));
  const last = index === steps.length - 1;

  function go(to: StepKey) {
    if (autosaving && dirty.current) void save('draft');
    setStep(to);
  }

  // A press of Finish or Save and close while an autosave is on its way waits behind it (saves
  // queue); only a second press of either, while the first is still saving, is ignored.
  const closing = useRef(false);
  async function once<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (closing.current) return undefined;
    closing.current = true;
    try {
      return await work();
    } finally {
      closing.current = false;
    }
  }

  const finish = () => once(finishNow);
  async function finishNow() {
    const result = await save('complete');
    if (result.ok) return onClose('Thought record finished and saved.');
    const found = fieldErrors(result.error.message);
    setErrors(found);
    setProblem(found.length === 0 ? `Not saved: ${result.error.message}` : undefined);
  }

  const saveAndClose = () => once(saveAndCloseNow);
  async function saveAndCloseNow() {
    if (isEmpty(draftRef.current) && !idRef.current) return onClose();
    const result = await save(status);
    if (result.ok)
      onClose(status === 'draft' ? 'Draft saved. You can pick it up any time.' : 'Changes saved.');
    else setProblem(`Not saved: ${result.error.message}`);
  }

  const errorAt = (path: string) => errors.find((e) => e.path === path)?.message;

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
            <RatedRows
              legend="What went through your mind? Rate how much you believed each thought."
              noun="thought"
              rows={draft.thoughts}
              textLabel={(n) => `Thought ${n}`}
              ratingLabel={(n) => `How much you believed thought ${n} (0 to 100%)`}
              textError={(k) => errorAt(`automaticThoughts.${k}.text`)}
              ratingError={(k) => errorAt(`automaticThoughts.${k}.belief`)}
              listError={errorAt('automaticThoughts')}
              max={1000}
              onChange={(update) => change((d) => ({ ...d, thoughts: update(d.thoughts) }))}
            />
          )}

          {step === 'emotions' && (
            <RatedRows
              legend="What did you feel? Name each feeling (anxious, angry, low…) and how strong it was."
              noun="feeling"
              rows={draft.emotions}
              textLabel={(n) => `Feeling ${n}`}
              ratingLabel={(n) => `How strong feeling ${n} was (0 to 100%)`}
              textError={(k) => errorAt(`emotions.${k}.name`)}
              ratingError={(k) => errorAt(`emotions.${k}.intensity`)}
              listError={errorAt('emotions')}
              singleLine
              onChange={(update) => change((d) => ({ ...d, emotions: update(d.emotions) }))}
            />
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
            <button type="submit">
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
