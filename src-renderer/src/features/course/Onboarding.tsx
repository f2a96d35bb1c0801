import { useRef, useEffect, useState, type FormEvent } from 'react';
import type { CourseOverview, CourseSupport, FocusArea } from '../../../../src-main/contract';
import {
  COURSE_SUPPORT_KINDS,
  COURSE_WEEKLY_MINUTES,
  FOCUS_AREAS,
} from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { QuestionnaireForm } from '../checkins';
import { FOCUS_LABELS, SUPPORT_LABELS } from './course-labels';
import { PlanEditor } from './PlanEditor';

type Stage = 'questions' | 'stress-check' | 'plan';

const STRESS_CHECK = 'pss-10';

/**
 * Tailoring the course: what brings you here, time in a typical week, an optional stress check
 * (the real PSS-10; skipping it means no band, never a made-up score) and the kind of support you
 * prefer. Then the suggested order, which the user can change straight away or any time later.
 */
export function Onboarding({
  overview,
  onFinished,
  onCancel,
  onStressCheck,
}: {
  overview: CourseOverview;
  onFinished: (next: CourseOverview) => void;
  onCancel: () => void;
  /** The stress check has a heading of its own: the screen hides the Course heading meanwhile. */
  onStressCheck: (open: boolean) => void;
}) {
  const api = useApi();
  const previous = overview.profile;
  const [stage, setStage] = useState<Stage>('questions');
  const [focusAreas, setFocusAreas] = useState<FocusArea[]>(previous?.focusAreas ?? []);
  const [minutes, setMinutes] = useState<number | undefined>(previous?.minutesPerWeek);
  const [support, setSupport] = useState<CourseSupport | undefined>(previous?.support);
  const [baseline, setBaseline] = useState<{ id: string; band: string } | null>(null);
  const [checkChoice, setCheckChoice] = useState<'take' | 'skip' | undefined>(undefined);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<CourseOverview>();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStage = useRef(true);

  useEffect(() => onStressCheck(stage === 'stress-check'), [stage, onStressCheck]);

  // The PSS-10 is offered only where its licence allows (measures.list leaves it out otherwise).
  const [checkOffered, setCheckOffered] = useState(true);
  useEffect(() => {
    let live = true;
    void call(api, 'measures.list', {}).then((result) => {
      if (live && result.ok) setCheckOffered(result.value.measures.some((m) => m.id === STRESS_CHECK));
    });
    return () => {
      live = false;
    };
  }, [api]);
  const choice = checkOffered ? checkChoice : 'skip';

  useEffect(() => {
    // The Course heading has focus when the screen opens; later stages move it to their own.
    if (firstStage.current) {
      firstStage.current = false;
      return;
    }
    if (stage !== 'stress-check') heading.current?.focus();
  }, [stage]);

  // A second click while the first answer is on its way must not save the profile twice.
  const saving = useRef(false);

  async function saveProfile(baselineResultId: string | null) {
    if (minutes === undefined || support === undefined || saving.current) return;
    saving.current = true;
    setError(undefined);
    const result = await call(api, 'course.saveProfile', {
      focusAreas,
      minutesPerWeek: minutes,
      baselineResultId,
      support,
    });
    saving.current = false;
    if (!result.ok) {
      setStage('questions');
      return setError(result.error.message);
    }
    setSaved(result.value);
    setStage('plan');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (minutes === undefined) return setError('Choose how much time you have in a typical week.');
    if (choice === undefined) return setError('Choose whether to take the stress check now or skip it.');
    if (support === undefined) return setError('Choose the kind of support you would like.');
    if (choice === 'take' && !baseline) return setStage('stress-check');
    void saveProfile(choice === 'take' ? (baseline?.id ?? null) : null);
  }

  if (stage === 'stress-check') {
    return (
      <QuestionnaireForm
        measureId={STRESS_CHECK}
        onCancel={() => {
          setCheckChoice('skip');
          setStage('questions');
        }}
        onSubmitted={(outcome) => {
          if (outcome.status !== 'scored') return setStage('questions');
          const band = outcome.result.scales.find((scale) => scale.primary)?.band.label ?? '';
          setBaseline({ id: outcome.id, band });
          void saveProfile(outcome.id);
        }}
      />
    );
  }

  if (stage === 'plan' && saved) {
    const recommendation = saved.recommendation;
    return (
      <>
        <h2 tabIndex={-1} ref={heading}>
          Your suggested order
        </h2>
        <p>Here is where we suggest you start, based on what you told us. It is yours to change.</p>
        {recommendation && (
          <section className="card" aria-labelledby="onboarding-why">
            <h3 id="onboarding-why">Why this order</h3>
            <ul>
              <li>Understanding stress comes first, and Staying well comes last, to gather what helped.</li>
              {focusAreas.length > 0 && <li>Modules on what you said brings you here come earlier.</li>}
              {saved.profile?.baseline && <li>Your stress check nudged a few modules forward.</li>}
              {recommendation.suggestedOptional.map((s) => (
                <li key={s.moduleId}>
                  {s.reason} So we added {saved.modules.find((m) => m.moduleId === s.moduleId)?.title}.
                </li>
              ))}
              {recommendation.route !== 'full' && (
                <li>
                  To fit your time, {recommendation.route === 'quick' ? 'each module' : 'some later modules'}{' '}
                  follow the 5-minute route. You can always do the full version.
                </li>
              )}
            </ul>
          </section>
        )}
        <PlanEditor overview={saved} onSaved={setSaved} />
        <div className="actions">
          <button type="button" onClick={() => onFinished(saved)}>
            Go to my course
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <form onSubmit={submit} aria-labelledby="onboarding-title" className="onboarding">
        <h2 id="onboarding-title" tabIndex={-1} ref={heading}>
          Make the course yours
        </h2>
        <p>
          Four quick questions, so we can suggest where to start. Your answers stay on this device, and you
          can change them any time.
        </p>
        <fieldset className="choice-group">
          <legend>What brings you here? Choose any that fit.</legend>
          {FOCUS_AREAS.map((area) => (
            <label key={area} className="choice">
              <input
                type="checkbox"
                checked={focusAreas.includes(area)}
                onChange={(event) =>
                  setFocusAreas((current) =>
                    event.target.checked ? [...current, area] : current.filter((a) => a !== area),
                  )
                }
              />
              {FOCUS_LABELS[area]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>How much time could you give the course in a typical week?</legend>
          {COURSE_WEEKLY_MINUTES.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="minutes" checked={minutes === m} onChange={() => setMinutes(m)} />
              {m === 60 ? 'About an hour' : `About ${m} minutes`}
            </label>
          ))}
        </fieldset>
        {checkOffered && (
          <fieldset className="choice-group">
            <legend>A short stress check (10 questions, about 3 minutes)</legend>
            <p className="hint">
              It helps us suggest an order. It is the standard Perceived Stress Scale, not a diagnosis. You
              can skip it.
            </p>
            <label className="choice">
              <input
                type="radio"
                name="check"
                checked={checkChoice === 'take'}
                onChange={() => setCheckChoice('take')}
              />
              {baseline
                ? `Done: your stress over the last month was ${baseline.band.toLowerCase()}`
                : 'Take it now'}
            </label>
            <label className="choice">
              <input
                type="radio"
                name="check"
                checked={checkChoice === 'skip'}
                onChange={() => setCheckChoice('skip')}
              />
              Skip it for now
            </label>
          </fieldset>
        )}
        <fieldset className="choice-group">
          <legend>What kind of support would you like?</legend>
          {COURSE_SUPPORT_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="support"
                checked={support === kind}
                onChange={() => setSupport(kind)}
              />
              {SUPPORT_LABELS[kind].label}
              <span className="muted"> — {SUPPORT_LABELS[kind].hint}</span>
            </label>
          ))}
        </fieldset>
        <FormMessage error={error} />
        <div className="actions">
          <button type="submit">
            {choice === 'take' && !baseline ? 'Go to the stress check' : 'See my suggested order'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Not now
          </button>
        </div>
      </form>
    </>
  );
}
