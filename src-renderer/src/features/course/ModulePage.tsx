import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput, ModuleId } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { FormMessage } from '../../components/FormMessage';
import { aboutMinutes, KIND_LABELS, STATUS_LABELS, timeSpent } from './course-labels';

type Loaded = CallOutput<'course.module'>;

/**
 * A module: its steps with kind and minutes (or only the 5-minute route), what is done, the
 * take-away, related library articles, finishing the module and doing it again.
 */
export function ModulePage({
  moduleId,
  onOpenStep,
  onBack,
}: {
  moduleId: ModuleId;
  onOpenStep: (stepId: string) => void;
  onBack: () => void;
}) {
  const api = useApi();
  const { navigate } = useNavigation();
  const [loaded, setLoaded] = useState<Loaded>();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [quickOnly, setQuickOnly] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await call(api, 'course.module', { moduleId });
    if (result.ok) setLoaded(result.value);
    else setMessage({ error: result.error.message });
  }, [api, moduleId]);

  useEffect(() => {
    // Loading the module when the page opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const firstLoad = loaded === undefined;
  useEffect(() => {
    if (!firstLoad) heading.current?.focus();
  }, [firstLoad]);

  if (!loaded)
    return message.error ? <FormMessage error={message.error} /> : <p aria-live="polite">Loading…</p>;
  const { module, progress } = loaded;
  const steps = quickOnly ? module.steps.filter((step) => step.quick) : module.steps;
  const allDone = module.steps.every((step) => step.progress.completedAt !== null);
  const quickDone = module.steps.filter((s) => s.quick).every((step) => step.progress.completedAt !== null);
  const quickMinutes = module.steps.filter((s) => s.quick).reduce((sum, s) => sum + s.minutes, 0);

  async function finish() {
    const result = await call(api, 'course.finishModule', { moduleId });
    if (!result.ok) return setMessage({ error: result.error.message });
    setLoaded(result.value);
    setMessage({ success: `${module.title} is done. Well done for making the time.` });
  }

  async function redo() {
    const result = await call(api, 'course.restartModule', { moduleId });
    if (!result.ok) return setMessage({ error: result.error.message });
    setLoaded(result.value);
    setMessage({
      success: 'Starting again. Your earlier answers are filled in for you to keep or change.',
    });
  }

  return (
    <article className="course-module" aria-labelledby="module-title">
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          Back to the course map
        </button>
      </p>
      <header className="screen-header">
        <p className="eyebrow">
          Module {module.number} · {module.core ? 'core' : 'optional'}
        </p>
        <h1 id="module-title" tabIndex={-1} ref={heading}>
          {module.title}
        </h1>
        <p className="lead">{module.summary}</p>
      </header>
      <dl className="facts module-facts">
        <dt>Where you are</dt>
        <dd data-testid="module-status">
          {STATUS_LABELS[progress.status]}
          {progress.status !== 'done' && ` · ${progress.stepsDone} of ${progress.stepCount} steps done`}
          {progress.timesDone > 0 &&
            progress.status !== 'done' &&
            ` · done ${progress.timesDone === 1 ? 'once' : `${progress.timesDone} times`} before`}
        </dd>
        <dt>Time</dt>
        <dd>
          {aboutMinutes(progress.minutes)} in all, or {aboutMinutes(quickMinutes)} on the 5-minute route
        </dd>
        <dt>Time spent so far</dt>
        <dd>{timeSpent(progress.secondsSpent)}</dd>
      </dl>
      <label className="choice route-toggle">
        <input type="checkbox" checked={quickOnly} onChange={(event) => setQuickOnly(event.target.checked)} />
        Show only the 5-minute route
      </label>
      <h2 id="module-steps">Steps</h2>
      <ol className="step-list" aria-labelledby="module-steps">
        {steps.map((step) => {
          const done = step.progress.completedAt !== null;
          return (
            <li key={step.id} className={done ? 'step-item done' : 'step-item'}>
              <button type="button" className="step-open" onClick={() => onOpenStep(step.id)}>
                <span className="step-title">{step.title}</span>
                <span className="step-meta">
                  {KIND_LABELS[step.kind]} · {aboutMinutes(step.minutes)}
                  {step.quick && !quickOnly ? ' · 5-minute route' : ''}
                  {done ? ' · done' : step.progress.startedAt ? ' · started' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <section className="card takeaway" aria-labelledby="module-takeaway">
        <h2 id="module-takeaway">The one thing to keep</h2>
        <p>{module.takeaway}</p>
      </section>
      <section aria-labelledby="module-articles">
        <h2 id="module-articles">To read next, in the library</h2>
        <ul className="link-list">
          {loaded.articles.map(({ id: articleId, title }) => (
            <li key={articleId}>
              <a
                href={`#article:${articleId}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ section: 'library', item: articleId });
                }}
              >
                {title}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <FormMessage error={message.error} success={message.success} />
      <div className="actions">
        {progress.status === 'done' ? (
          <button type="button" className="secondary" onClick={() => void redo()}>
            Do this module again
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void finish()} aria-disabled={!allDone && !quickDone}>
              Finish this module
            </button>
            {!allDone && !quickDone && (
              <p className="muted">
                You can finish once you have done every step, or every step on the 5-minute route.
              </p>
            )}
          </>
        )}
      </div>
    </article>
  );
}
