import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput, Measure } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { DraftOffer } from '../../components/DraftOffer';
import { FormMessage } from '../../components/FormMessage';
import { useDraft } from '../../components/use-draft';
import { questionnaireDraftFromText, questionnaireDraftToText } from './questionnaire-draft';
import { MeasureTitle } from './MeasureEntry';

type Submitted = CallOutput<'measures.submit'>;

/** One questionnaire, in its published wording: a group of radio buttons per question. */
export function QuestionnaireForm({
  measureId,
  onSubmitted,
  onCancel,
  draft,
  onDraftChange,
}: {
  measureId: string;
  onSubmitted: (outcome: Submitted) => void;
  onCancel: () => void;
  /** Answers ticked earlier and kept elsewhere (a session room), to start from. */
  draft?: Record<string, string>;
  /** Told of every answer ticked, so a room can keep them through a reload or the privacy key. */
  onDraftChange?: (draft: Record<string, string>) => void;
}) {
  const api = useApi();
  const [measure, setMeasure] = useState<Measure>();
  const [answers, setAnswers] = useState(() => questionnaireDraftFromText(draft).answers);
  const [optional, setOptional] = useState(() => questionnaireDraftFromText(draft).optional);
  const choose = (next: { answers: Record<string, number>; optional: string[] }) => {
    setAnswers(next.answers);
    setOptional(next.optional);
    onDraftChange?.(questionnaireDraftToText(next));
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // In the main window the answers ticked so far are kept in the vault; a room keeps its own.
  const kept = useDraft(
    onDraftChange ? null : `checkin.${measureId}`,
    questionnaireDraftToText({ answers, optional }),
    (restored) => {
      const back = questionnaireDraftFromText(restored);
      setAnswers(back.answers);
      setOptional(back.optional);
    },
    (fields) => Object.keys(questionnaireDraftFromText(fields).answers).length > 0,
  );

  useEffect(() => {
    let live = true;
    void call(api, 'measures.get', { measureId }).then((result) => {
      if (!live) return;
      if (result.ok) setMeasure(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, measureId]);

  useEffect(() => {
    if (measure) heading.current?.focus();
  }, [measure]);

  if (!measure) return error ? <FormMessage error={error} /> : <p aria-live="polite">Loading…</p>;

  const optionalIds = new Set(measure.scales.filter((scale) => scale.optional).map((scale) => scale.id));
  // Items of an optional scale (CBI's client questions) show only when the person chose that scale.
  const onlyOptional = (scales: readonly string[]) =>
    scales.length > 0 && scales.every((id) => optionalIds.has(id));
  const shownItems = measure.items.filter(
    (item) => !onlyOptional(item.scales) || item.scales.some((id) => optional.includes(id)),
  );
  const required = shownItems.filter((item) => item.scales.length > 0);
  const answered = required.filter((item) => answers[item.id] !== undefined).length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !measure) return;
    const missing = required.find((item) => answers[item.id] === undefined);
    if (missing) {
      setError(`Question ${measure.items.indexOf(missing) + 1} still needs an answer.`);
      document.getElementById(`q-${missing.id}`)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await call(api, 'measures.submit', { measureId, answers, optionalScales: optional });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    if (result.value.status === 'incomplete' && !result.value.safety.triggered) {
      return setError(result.value.issues.map((issue) => issue.message).join(' '));
    }
    kept.clear(questionnaireDraftToText({ answers, optional }));
    onSubmitted(result.value);
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="questionnaire-title">
      <header className="screen-header">
        <h1 id="questionnaire-title" tabIndex={-1} ref={heading}>
          <MeasureTitle measure={measure} />
        </h1>
        <p className="lead">
          {measure.name} · about {measure.minutes} minute{measure.minutes === 1 ? '' : 's'}
        </p>
      </header>
      {kept.offer ? (
        <DraftOffer
          updatedAt={kept.offer.updatedAt}
          // The offer's buttons go once one is chosen; focus goes back to the questionnaire's title.
          onCarryOn={() => {
            kept.carryOn();
            heading.current?.focus();
          }}
          onStartAfresh={() => {
            kept.startAfresh();
            heading.current?.focus();
          }}
        />
      ) : (
        <>
          <p>{measure.instructions}</p>
          {measure.scales
            .filter((scale) => scale.optional)
            .map((scale) => (
              <label key={scale.id} className="choice">
                <input
                  type="checkbox"
                  checked={optional.includes(scale.id)}
                  onChange={(event) =>
                    choose({
                      answers,
                      optional: event.target.checked
                        ? [...optional, scale.id]
                        : optional.filter((id) => id !== scale.id),
                    })
                  }
                />
                {scale.optIn ?? `Also answer the ${scale.label.toLowerCase()} questions`}
              </label>
            ))}
          <ol className="questions">
            {shownItems.map((item) => {
              const set = measure.optionSets.find((options) => options.id === item.options);
              return (
                <li key={item.id}>
                  <fieldset className="question" id={`q-${item.id}`} tabIndex={-1}>
                    <legend>
                      {item.text}
                      {item.scales.length === 0 && <span className="muted"> (optional)</span>}
                    </legend>
                    <div className="options">
                      {set?.options.map((option) => (
                        <label key={option.label} className="choice">
                          <input
                            type="radio"
                            name={item.id}
                            value={option.value}
                            checked={answers[item.id] === option.value}
                            onChange={() =>
                              choose({ answers: { ...answers, [item.id]: option.value }, optional })
                            }
                          />
                          {option.label}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <p className="muted" aria-live="polite">
            {answered} of {required.length} answered
          </p>
          <FormMessage error={error} />
          <div className="actions">
            <button type="submit" aria-disabled={busy}>
              {busy ? 'Working out your results…' : 'See my results'}
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              Not now
            </button>
          </div>
        </>
      )}
      {/* The holder's licence asks for this notice with the instrument. */}
      {measure.licence.notice && (
        <p className="muted" data-testid="licence-notice">
          {measure.licence.notice}
        </p>
      )}
    </form>
  );
}
