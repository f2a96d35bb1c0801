import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AnswerValue,
  CourseModuleView,
  CourseStepView as StepView,
  StepAnswers,
} from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { formatTime } from '../../components/format';
import { Markdown } from '../../components/Markdown';
import { AnimationStep } from './AnimationStep';
import { AudioStep } from './AudioStep';
import { aboutMinutes, KIND_LABELS } from './course-labels';
import { ExerciseFields } from './ExerciseFields';
import { QuizStep } from './QuizStep';

const AUTOSAVE_MS = 800;
/** A glance at a step is not time spent on it. */
const MIN_SECONDS_COUNTED = 5;

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

/**
 * One course step, on its own: loads its module, records that it was opened, shows it by kind,
 * saves answers as the user goes (and on "Save"), and marks it done with the time spent. Used by
 * the Course screen and, standalone, by the session room.
 */
export function CourseStepView({
  moduleId,
  stepId,
  onDone,
}: {
  moduleId: string;
  stepId: string;
  onDone?: () => void;
}) {
  const api = useApi();
  const [module, setModule] = useState<CourseModuleView>();
  const [loadError, setLoadError] = useState<string>();
  const [answers, setAnswers] = useState<StepAnswers>({});
  const [fromLastTime, setFromLastTime] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [finishing, setFinishing] = useState(false);
  const [finishError, setFinishError] = useState<string>();
  const [completedAt, setCompletedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const pending = useRef<number | undefined>(undefined);
  const openedAt = useRef(0);
  const latest = useRef<StepAnswers>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    openedAt.current = Date.now();
    dirty.current = false;
    void (async () => {
      const opened = await call(api, 'course.openStep', { moduleId: moduleId as never, stepId });
      const loaded = await call(api, 'course.module', { moduleId: moduleId as never });
      if (!live) return;
      if (!opened.ok) return setLoadError(opened.error.message);
      if (!loaded.ok) return setLoadError(loaded.error.message);
      const step = loaded.value.module.steps.find((s) => s.id === stepId);
      if (!step) return setLoadError('This step is not in the course any more.');
      const initial = step.progress.answers ?? step.progress.previousAnswers ?? {};
      latest.current = initial;
      setModule(loaded.value.module);
      setAnswers(initial);
      setFromLastTime(step.progress.answers === null && step.progress.previousAnswers !== null);
      setCompletedAt(step.progress.completedAt);
      setSave(
        step.progress.answersUpdatedAt
          ? { kind: 'saved', at: step.progress.answersUpdatedAt }
          : { kind: 'idle' },
      );
    })();
    return () => {
      live = false;
      // Time on a step counts even when the user leaves without finishing it.
      const seconds = Math.round((Date.now() - openedAt.current) / 1000);
      if (seconds >= MIN_SECONDS_COUNTED)
        void call(api, 'course.recordTime', {
          moduleId: moduleId as never,
          stepId,
          secondsSpent: Math.min(seconds, 4 * 3600),
        });
    };
  }, [api, moduleId, stepId]);

  useEffect(() => {
    if (module) heading.current?.focus();
  }, [module]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(pending.current);
    if (!dirty.current) return true;
    dirty.current = false;
    setSave({ kind: 'saving' });
    const result = await call(api, 'course.saveAnswers', {
      moduleId: moduleId as never,
      stepId,
      answers: latest.current,
    });
    if (!result.ok) {
      dirty.current = true;
      setSave({ kind: 'error', message: result.error.message });
      return false;
    }
    setSave({ kind: 'saved', at: result.value.answersUpdatedAt ?? new Date().toISOString() });
    return true;
  }, [api, moduleId, stepId]);

  // Whatever is typed is saved when the step closes, too.
  useEffect(
    () => () => {
      void saveNow();
    },
    [saveNow],
  );

  const change = (fieldId: string, value: AnswerValue) => {
    const next = { ...latest.current, [fieldId]: value };
    latest.current = next;
    dirty.current = true;
    setAnswers(next);
    setSave({ kind: 'idle' });
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => void saveNow(), AUTOSAVE_MS);
  };

  if (loadError) return <FormMessage error={loadError} />;
  if (!module) return <p aria-live="polite">Loading…</p>;
  const step = module.steps.find((s) => s.id === stepId) as StepView;
  const index = module.steps.indexOf(step);
  const hasAnswers = step.kind === 'exercise' || step.kind === 'reflection' || step.kind === 'quiz';

  async function finish() {
    if (finishing) return;
    setFinishing(true);
    setFinishError(undefined);
    const saved = await saveNow();
    if (!saved) {
      setFinishing(false);
      return;
    }
    const seconds = Math.round((Date.now() - openedAt.current) / 1000);
    const result = await call(api, 'course.completeStep', {
      moduleId: moduleId as never,
      stepId,
      secondsSpent: Math.min(seconds, 4 * 3600),
    });
    setFinishing(false);
    if (!result.ok) return setFinishError(result.error.message);
    openedAt.current = Date.now();
    setCompletedAt(result.value.completedAt);
    onDone?.();
  }

  return (
    <article className="course-step" aria-labelledby="course-step-title">
      <header className="screen-header">
        <p className="eyebrow">
          {module.title} · step {index + 1} of {module.steps.length}
        </p>
        <h1 id="course-step-title" tabIndex={-1} ref={heading}>
          {step.title}
        </h1>
        <p className="lead">
          {KIND_LABELS[step.kind]} · {aboutMinutes(step.minutes)}
          {step.quick ? ' · on the 5-minute route' : ''}
          {completedAt ? ' · done' : ''}
        </p>
      </header>
      <div className="step-body">
        <Markdown tree={step.body} />
      </div>
      {(step.kind === 'exercise' || step.kind === 'reflection') && (
        <form
          className="step-answers"
          aria-label="Your answers"
          onSubmit={(event) => {
            event.preventDefault();
            dirty.current = true;
            void saveNow();
          }}
        >
          <p className="why">
            <strong>Why this helps: </strong>
            {step.why}
          </p>
          {fromLastTime && (
            <p className="notice">
              Filled in from your last time through. Keep what still fits and change the rest.
            </p>
          )}
          <ExerciseFields
            idPrefix={`${module.id}-${step.id}`}
            fields={step.fields}
            answers={answers}
            onChange={change}
          />
          <div className="actions">
            <button type="submit" className="secondary">
              Save
            </button>
          </div>
        </form>
      )}
      {step.kind === 'quiz' && (
        <QuizStep
          idPrefix={`${module.id}-${step.id}`}
          questions={step.questions}
          answers={answers}
          onAnswer={(questionId, optionId) => change(questionId, optionId)}
        />
      )}
      {step.kind === 'audio' && <AudioStep script={step.script} pacer={step.pacer} title={step.title} />}
      {step.kind === 'animation' && (
        <AnimationStep animation={step.animation} frames={step.frames} title={step.title} />
      )}
      {hasAnswers && <SaveStatus state={save} />}
      <FormMessage error={finishError} />
      <div className="actions">
        <button type="button" onClick={() => void finish()} aria-disabled={finishing}>
          {completedAt ? 'Done, carry on' : 'Mark this step done'}
        </button>
      </div>
    </article>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className="save-status muted" role="status">
      {state.kind === 'saving' && 'Saving…'}
      {state.kind === 'saved' && `Saved at ${formatTime(state.at)}. Only you can see this.`}
      {state.kind === 'error' && <span className="error">Not saved: {state.message}</span>}
    </p>
  );
}
