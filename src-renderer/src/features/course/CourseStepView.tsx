import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AnswerValue,
  CallOutput,
  ContinueTarget,
  CourseModuleView,
  DiaryLink,
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
import { DiaryAdded, ModuleComplete } from './StepDone';

const AUTOSAVE_MS = 800;
/** A glance at a step is not time spent on it. */
const MIN_SECONDS_COUNTED = 5;

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

/** Where the Course screen goes from a finished step; the session room has its own way on. */
export interface StepFlow {
  onNextStep: (stepId: string) => void;
  onModule: () => void;
  onStartModule: (target: ContinueTarget) => void;
  onMap: () => void;
}

/**
 * One course step, on its own: loads its module, records that it was opened, shows it by kind,
 * saves answers as the user goes (and on "Save"), and marks it done with the time spent. Used by
 * the Course screen (with a `flow`: a finished step offers the next one, and the module's last
 * step finishes the module) and, standalone, by the session room (`onDone`).
 */
export function CourseStepView({
  moduleId,
  stepId,
  onDone,
  flow,
}: {
  moduleId: string;
  stepId: string;
  onDone?: () => void;
  flow?: StepFlow;
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
  const [diaryLink, setDiaryLink] = useState<DiaryLink | null>(null);
  const [finished, setFinished] = useState<{
    module: CallOutput<'course.module'>;
    next: ContinueTarget | null;
  }>();
  /** Answers changed after the step was done: going on finishes it again, so the diary follows. */
  const changedSinceDone = useRef(false);
  const nextButton = useRef<HTMLButtonElement>(null);
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
      setDiaryLink(step.progress.diaryLink);
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

  // Whatever is typed is saved when the step closes, and when the page goes (a reload, a quit).
  useEffect(() => {
    const onHide = () => void saveNow();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void saveNow();
    };
  }, [saveNow]);

  const change = (fieldId: string, value: AnswerValue) => {
    const next = { ...latest.current, [fieldId]: value };
    latest.current = next;
    dirty.current = true;
    changedSinceDone.current = true;
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

  const nextStep = module.steps[index + 1];

  /** Saves and marks the step done (again, when already done: the diary entry follows edits). */
  async function complete(): Promise<boolean> {
    setFinishError(undefined);
    if (!(await saveNow())) return false;
    const seconds = Math.round((Date.now() - openedAt.current) / 1000);
    const result = await call(api, 'course.completeStep', {
      moduleId: moduleId as never,
      stepId,
      secondsSpent: Math.min(seconds, 4 * 3600),
    });
    if (!result.ok) {
      setFinishError(result.error.message);
      return false;
    }
    openedAt.current = Date.now();
    changedSinceDone.current = false;
    setCompletedAt(result.value.completedAt);
    setDiaryLink(result.value.diaryLink);
    return true;
  }

  /** The module's last step, done: the module is finished if its steps (or its 5-minute route) are. */
  async function finishModuleIfReady(): Promise<boolean> {
    const result = await call(api, 'course.finishModule', { moduleId: moduleId as never });
    if (!result.ok) return false;
    const overview = await call(api, 'course.overview', {});
    setFinished({ module: result.value, next: overview.ok ? overview.value.next : null });
    return true;
  }

  async function finish() {
    if (finishing) return;
    setFinishing(true);
    const ok = await complete();
    if (ok && flow && !nextStep && (await finishModuleIfReady())) {
      setFinishing(false);
      return;
    }
    setFinishing(false);
    if (!ok) return;
    onDone?.();
    if (flow) window.setTimeout(() => nextButton.current?.focus(), 0);
  }

  async function goOn(go: () => void) {
    if (finishing) return;
    if (changedSinceDone.current || dirty.current) {
      setFinishing(true);
      const ok = await complete();
      setFinishing(false);
      if (!ok) return;
    }
    go();
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
      {completedAt && diaryLink && <DiaryAdded link={diaryLink} />}
      <FormMessage error={finishError} />
      {finished && flow ? (
        <ModuleComplete
          finished={finished.module}
          next={finished.next}
          onStart={flow.onStartModule}
          onMap={flow.onMap}
        />
      ) : completedAt && flow ? (
        <div className="actions">
          {nextStep ? (
            <button
              type="button"
              ref={nextButton}
              onClick={() => void goOn(() => flow.onNextStep(nextStep.id))}
              aria-disabled={finishing}
            >
              Next step: {nextStep.title}
            </button>
          ) : (
            <button
              type="button"
              ref={nextButton}
              onClick={() =>
                void goOn(() => {
                  // The last step: finish the module, or show what is left when it cannot be yet.
                  void finishModuleIfReady().then((ok) => ok || flow.onModule());
                })
              }
            >
              Finish the module
            </button>
          )}
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void finish()} aria-disabled={finishing}>
            {completedAt ? 'Done, carry on' : 'Mark this step done'}
          </button>
        </div>
      )}
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
