import { useCallback, useEffect, useState } from 'react';
import type {
  CallOutput,
  CheckinFrequency,
  MeasureResult,
  MeasureSummary,
} from '../../../../src-main/contract';
import { CHECKIN_FREQUENCIES, checkinFrequencyAllowed } from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { ScreenHeader } from '../../components/ScreenHeader';
import { SafetyScreen } from '../safety';
import { HistoryView } from './HistoryView';
import { QuestionnaireForm } from './QuestionnaireForm';
import { useNavigation } from '../../app/navigation';
import { ResultView } from './ResultView';

type View =
  | { kind: 'overview' }
  | { kind: 'take'; measureId: string }
  | { kind: 'safety'; measureId: string; result?: MeasureResult }
  | { kind: 'result'; measureId: string; result: MeasureResult }
  | { kind: 'history'; measureId: string };

const FREQUENCY_LABELS: Record<CheckinFrequency | 'none', string> = {
  none: 'Not in my plan',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every month',
  'on-demand': 'When I choose',
};

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

export function CheckinsScreen() {
  const api = useApi();
  const { navigate } = useNavigation();
  const [view, setView] = useState<View>({ kind: 'overview' });
  const [measures, setMeasures] = useState<MeasureSummary[]>([]);
  const [plan, setPlan] = useState<CallOutput<'checkins.getPlan'>>();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  const load = useCallback(async () => {
    const [list, current] = await Promise.all([
      call(api, 'measures.list', {}),
      call(api, 'checkins.getPlan', {}),
    ]);
    if (list.ok) setMeasures(list.value.measures);
    if (current.ok) setPlan(current.value);
    if (!list.ok) setMessage({ error: list.error.message });
    else if (!current.ok) setMessage({ error: current.error.message });
  }, [api]);

  useEffect(() => {
    // Loading the questionnaires and the plan when the screen opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const nameOf = (measureId: string) => measures.find((m) => m.id === measureId)?.shortName ?? measureId;
  const back = () => {
    setView({ kind: 'overview' });
    void load();
  };

  async function choose(measureId: string, frequency: CheckinFrequency | 'none') {
    const entries = (plan?.entries ?? []).filter((entry) => entry.measureId !== measureId);
    if (frequency !== 'none') entries.push({ measureId, frequency });
    const result = await call(api, 'checkins.setPlan', { entries });
    if (result.ok) {
      setPlan(result.value);
      setMessage({ success: `${nameOf(measureId)}: ${FREQUENCY_LABELS[frequency].toLowerCase()}.` });
    } else setMessage({ error: result.error.message });
  }

  if (view.kind === 'take') {
    return (
      <QuestionnaireForm
        measureId={view.measureId}
        onCancel={back}
        onSubmitted={(outcome) => {
          const result = outcome.status === 'scored' ? outcome.result : undefined;
          const safety = outcome.status === 'scored' ? outcome.result.safety : outcome.safety;
          if (safety.triggered) setView({ kind: 'safety', measureId: view.measureId, result });
          else if (result) setView({ kind: 'result', measureId: view.measureId, result });
        }}
      />
    );
  }
  if (view.kind === 'safety') {
    const { result, measureId } = view;
    return (
      <SafetyScreen
        continueLabel={result ? 'See my results' : 'Back to check-ins'}
        onContinue={() => (result ? setView({ kind: 'result', measureId, result }) : back())}
      />
    );
  }
  if (view.kind === 'result') {
    return (
      <ResultView
        name={nameOf(view.measureId)}
        result={view.result}
        onHistory={() => setView({ kind: 'history', measureId: view.measureId })}
        onDone={back}
      />
    );
  }
  if (view.kind === 'history') {
    return <HistoryView measureId={view.measureId} name={nameOf(view.measureId)} onBack={back} />;
  }

  const due = (plan?.due ?? []).filter((entry) => entry.dueSince !== null);
  const frequencyOf = (measureId: string) =>
    plan?.entries.find((entry) => entry.measureId === measureId)?.frequency ?? 'none';

  return (
    <>
      <ScreenHeader title="Check-ins">
        Short, standard questionnaires, only when you want them, to see how you are doing over time.
      </ScreenHeader>
      {due.length > 0 && (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">Ready when you are</h2>
          <ul className="link-list">
            {due.map((entry) => (
              <li key={entry.measureId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setView({ kind: 'take', measureId: entry.measureId })}
                >
                  {entry.name}
                </button>{' '}
                {entry.lastTakenAt
                  ? `(last time ${day.format(new Date(entry.lastTakenAt))})`
                  : '(first time)'}
              </li>
            ))}
          </ul>
        </section>
      )}
      <FormMessage {...message} />
      <ul className="entry-list" aria-label="Questionnaires">
        {measures.map((measure) => (
          <li key={measure.id} className="entry">
            <h2 className="resource-name">
              {measure.shortName} <span className="muted">· about {measure.minutes} min</span>
            </h2>
            <p>{measure.summary}</p>
            <div className="actions">
              <button type="button" onClick={() => setView({ kind: 'take', measureId: measure.id })}>
                Start {measure.shortName}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => setView({ kind: 'history', measureId: measure.id })}
              >
                {measure.shortName} history
              </button>
              <label className="plan-choice">
                <span>How often</span>
                <select
                  value={frequencyOf(measure.id)}
                  aria-label={`How often to check in with ${measure.shortName}`}
                  onChange={(event) =>
                    void choose(measure.id, event.target.value as CheckinFrequency | 'none')
                  }
                >
                  {(['none', ...CHECKIN_FREQUENCIES] as const)
                    .filter(
                      (frequency) =>
                        frequency === 'none' ||
                        checkinFrequencyAllowed(frequency, measure.recallPeriod?.days ?? null),
                    )
                    .map((frequency) => (
                      <option key={frequency} value={frequency}>
                        {FREQUENCY_LABELS[frequency]}
                      </option>
                    ))}
                </select>
              </label>
            </div>
          </li>
        ))}
      </ul>
      <p className="muted">
        Your answers and scores stay encrypted on this device. Nobody else can see them.
      </p>
      {(plan?.entries.length ?? 0) > 0 && (
        <p>
          Would a gentle nudge help?{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => navigate({ section: 'reminders', item: 'new-checkin' })}
          >
            Set a reminder for your check-ins
          </button>
        </p>
      )}
    </>
  );
}
