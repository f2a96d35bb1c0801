import { useCallback, useEffect, useState } from 'react';
import type {
  CallOutput,
  CheckinFrequency,
  MeasureResult,
  MeasureSummary,
} from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { formatDayShort } from '../../components/format';
import { ScreenHeader } from '../../components/ScreenHeader';
import { SafetyScreen } from '../safety';
import { HistoryView } from './HistoryView';
import { QuestionnaireForm } from './QuestionnaireForm';
import { useNavigation } from '../../app/navigation';
import { ResultView } from './ResultView';
import { FREQUENCY_LABELS, MeasureEntry } from './MeasureEntry';

type View =
  | { kind: 'overview' }
  | { kind: 'take'; measureId: string }
  | { kind: 'safety'; measureId: string; result?: MeasureResult }
  | { kind: 'result'; measureId: string; result: MeasureResult }
  | { kind: 'history'; measureId: string };

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

  const measureOf = (measureId: string) => measures.find((m) => m.id === measureId);
  const nameOf = (measureId: string) => measureOf(measureId)?.plainName ?? measureId;
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
        code={measureOf(view.measureId)?.shortName}
        result={view.result}
        onHistory={() => setView({ kind: 'history', measureId: view.measureId })}
        onDone={back}
      />
    );
  }
  if (view.kind === 'history') {
    return (
      <HistoryView
        measureId={view.measureId}
        name={nameOf(view.measureId)}
        code={measureOf(view.measureId)?.shortName}
        onBack={back}
      />
    );
  }

  const due = (plan?.due ?? []).filter((entry) => entry.dueSince !== null);
  const frequencyOf = (measureId: string) =>
    plan?.entries.find((entry) => entry.measureId === measureId)?.frequency ?? 'none';
  const lastTime = (measureId: string) => {
    const entry = due.find((candidate) => candidate.measureId === measureId);
    if (!entry) return undefined;
    return entry.lastTakenAt ? `Last time ${formatDayShort(entry.lastTakenAt)}.` : 'Not taken yet.';
  };
  // One check is suggested: the first that is due, else the wellbeing check (short and gentle).
  const dueMeasures = due.flatMap((entry) => measures.filter((m) => m.id === entry.measureId));
  const suggested =
    dueMeasures[0] ?? measures.find((m) => m.id === 'who-5') ?? measures.find((m) => m.group === 'everyday');
  const alsoDue = dueMeasures.filter((m) => m !== suggested);
  const rest = measures.filter((m) => m !== suggested);
  const entry = (measure: MeasureSummary, primary: boolean) => (
    <MeasureEntry
      measure={measure}
      primary={primary}
      note={lastTime(measure.id)}
      frequency={frequencyOf(measure.id)}
      onStart={() => setView({ kind: 'take', measureId: measure.id })}
      onHistory={() => setView({ kind: 'history', measureId: measure.id })}
      onFrequency={(frequency) => void choose(measure.id, frequency)}
    />
  );
  const list = (group: MeasureSummary['group'], label: string) => (
    <ul className="entry-list" aria-label={label}>
      {rest
        .filter((m) => m.group === group)
        .map((measure) => (
          <li key={measure.id} className="entry">
            {entry(measure, false)}
          </li>
        ))}
    </ul>
  );

  return (
    <>
      <ScreenHeader title="Check-ins">
        Short, standard questionnaires, only when you want them, to see how you are doing over time.
      </ScreenHeader>
      <FormMessage {...message} />
      {suggested && (
        <section className="card suggested-checkin" aria-label="Suggested check-in">
          <p className="eyebrow">{dueMeasures[0] ? 'Ready when you are' : 'Suggested for you'}</p>
          {entry(suggested, true)}
          {alsoDue.length > 0 && (
            <p>
              Also ready:{' '}
              {alsoDue.map((measure, index) => (
                <span key={measure.id}>
                  {index > 0 && ', '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setView({ kind: 'take', measureId: measure.id })}
                  >
                    {measure.plainName}
                  </button>
                </span>
              ))}
            </p>
          )}
        </section>
      )}
      {list('everyday', 'Questionnaires')}
      {rest.some((m) => m.group === 'more') && (
        <details className="more-checkins">
          <summary>More check-ins</summary>
          <p className="muted">
            Longer questionnaires about low mood, worry and distress, the kind a GP might also use.
          </p>
          {list('more', 'More questionnaires')}
        </details>
      )}
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
