import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { StressEntry } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { DraftOffer } from '../../components/DraftOffer';
import { FormMessage } from '../../components/FormMessage';
import { useDraft } from '../../components/use-draft';

/** "2026-11-26T09:30" in the user's own time zone, for <input type="datetime-local">. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const EMPTY = { what: '', body: '', thoughts: '', actions: '' };

/** Only the words make a draft worth offering back; the time and the slider alone do not. */
const hasWords = (fields: Record<string, string>) =>
  Object.keys(EMPTY).some((field) => (fields[field] ?? '').trim() !== '');

/**
 * A stressful moment in under a minute: when, how stressed, what happened. The rest is optional.
 * If saving fails, everything typed stays in the form. Given an `entry`, it edits that entry in
 * place (focus moves to its heading when it opens, and Cancel puts it back as it was).
 */
export function QuickEntryForm({
  onSaved,
  entry,
  onCancel,
  draft,
  onDraftChange,
}: {
  onSaved: (entry: StressEntry) => void;
  entry?: StressEntry;
  onCancel?: () => void;
  /** Text typed earlier and kept elsewhere (a session room), to start from instead of a blank form. */
  draft?: Partial<Record<keyof typeof EMPTY, string>>;
  /** Told of every change to the text, so a room can keep it through a crash or the privacy key. */
  onDraftChange?: (draft: Record<keyof typeof EMPTY, string>) => void;
}) {
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const editing = entry !== undefined;
  const ids = {
    title: useId(),
    when: useId(),
    stress: useId(),
    what: useId(),
    body: useId(),
    thoughts: useId(),
    actions: useId(),
  };
  const [when, setWhen] = useState(() => localInputValue(entry ? new Date(entry.occurredAt) : new Date()));
  const [stress, setStress] = useState(entry?.stress ?? 5);
  const [text, setText] = useState(
    entry
      ? { what: entry.what, body: entry.body, thoughts: entry.thoughts, actions: entry.actions }
      : { ...EMPTY, ...draft },
  );
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const [busy, setBusy] = useState(false);
  // Opened when a restored draft has words in the optional fields, so none of them is hidden.
  const [moreOpen, setMoreOpen] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  // A new entry in the main window keeps its draft in the vault; an edit starts from the entry,
  // and a room keeps its own draft (onDraftChange).
  const draftFields = { ...text, stress: String(stress), when };
  const kept = useDraft(
    editing || onDraftChange ? null : 'diary.quick',
    draftFields,
    (restored) => {
      setText({
        what: restored.what ?? '',
        body: restored.body ?? '',
        thoughts: restored.thoughts ?? '',
        actions: restored.actions ?? '',
      });
      const level = Number(restored.stress);
      if (Number.isInteger(level) && level >= 0 && level <= 10) setStress(level);
      if (restored.when) setWhen(restored.when);
      if (restored.body || restored.thoughts || restored.actions) setMoreOpen(true);
    },
    hasWords,
  );
  const whatField = useRef<HTMLTextAreaElement>(null);
  const decided = useRef(false);
  useEffect(() => {
    // The offer's buttons vanish once one is chosen, so focus moves on to the first field.
    if (!kept.offer && decided.current) whatField.current?.focus();
  }, [kept.offer]);
  const decide = (choice: () => void) => () => {
    decided.current = true;
    choice();
  };

  const update = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) => {
    const next = { ...text, [field]: event.target.value };
    setText(next);
    onDraftChange?.(next);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    // aria-disabled, not disabled, while saving: a disabled button would drop keyboard focus.
    if (busy) return;
    if (text.what.trim() === '') return setMessage({ error: 'Say in a few words what happened.' });
    const occurred = new Date(when);
    if (Number.isNaN(occurred.getTime())) return setMessage({ error: 'Choose when it happened.' });
    setBusy(true);
    const result = await call(api, 'diary.save', {
      ...(entry ? { id: entry.id } : {}),
      occurredAt: occurred.toISOString(),
      stress,
      ...text,
    });
    setBusy(false);
    if (!result.ok) return setMessage({ error: `Not saved: ${result.error.message}` });
    if (editing) return onSaved(result.value);
    const now = localInputValue(new Date());
    kept.clear({ ...EMPTY, stress: '5', when: now });
    setText(EMPTY);
    onDraftChange?.(EMPTY);
    setStress(5);
    setWhen(now);
    setMessage({ success: 'Saved in your diary.' });
    onSaved(result.value);
  }

  return (
    <form
      className="card"
      onSubmit={(event) => void submit(event)}
      aria-busy={busy}
      aria-labelledby={ids.title}
    >
      {editing ? (
        <h3 id={ids.title} tabIndex={-1} ref={heading}>
          Edit this entry
        </h3>
      ) : (
        <h2 id={ids.title}>Note a stressful moment</h2>
      )}
      {kept.offer ? (
        <DraftOffer
          updatedAt={kept.offer.updatedAt}
          onCarryOn={decide(kept.carryOn)}
          onStartAfresh={decide(kept.startAfresh)}
        />
      ) : (
        <>
          <div className="field">
            <label htmlFor={ids.what}>What happened?</label>
            <textarea
              id={ids.what}
              ref={whatField}
              value={text.what}
              onChange={update('what')}
              maxLength={4000}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.stress}>
              How stressed did you feel? (0 = not at all, 10 = the most you can imagine)
            </label>
            <div className="stress-scale">
              <input
                id={ids.stress}
                type="range"
                min={0}
                max={10}
                step={1}
                value={stress}
                onChange={(event) => setStress(Number(event.target.value))}
              />
              <output htmlFor={ids.stress}>{stress}</output>
            </div>
          </div>
          <div className="field">
            <label htmlFor={ids.when}>When?</label>
            <input
              id={ids.when}
              type="datetime-local"
              value={when}
              onChange={(event) => setWhen(event.target.value)}
            />
          </div>
          <details
            open={
              moreOpen || (editing && Boolean(entry.body || entry.thoughts || entry.actions))
                ? true
                : undefined
            }
          >
            <summary>Add more (optional)</summary>
            <div className="field">
              <label htmlFor={ids.body}>What did you notice in your body?</label>
              <textarea id={ids.body} value={text.body} onChange={update('body')} maxLength={2000} />
            </div>
            <div className="field">
              <label htmlFor={ids.thoughts}>What went through your mind?</label>
              <textarea
                id={ids.thoughts}
                value={text.thoughts}
                onChange={update('thoughts')}
                maxLength={4000}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.actions}>What did you do?</label>
              <textarea id={ids.actions} value={text.actions} onChange={update('actions')} maxLength={4000} />
            </div>
          </details>
          <FormMessage {...message} />
          <div className="actions">
            <button type="submit" aria-disabled={busy}>
              {busy ? 'Saving…' : editing ? 'Save changes' : 'Save'}
            </button>
            {onCancel && (
              <button type="button" className="secondary" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
        </>
      )}
    </form>
  );
}
