import { useCallback, useEffect, useState } from 'react';
import type { CourseOverview, ModuleId } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { FormMessage } from '../../components/FormMessage';
import { ScreenHeader } from '../../components/ScreenHeader';
import { CourseStepView } from './CourseStepView';
import { ModuleMap } from './ModuleMap';
import { ModulePage } from './ModulePage';
import { Onboarding } from './Onboarding';
import { OpenInRoomButton } from '../rooms';
import { PlanEditor } from './PlanEditor';
import { onboardingPostponed, postponeOnboarding } from './onboarding-postponed';

type View =
  | { kind: 'map' }
  | { kind: 'onboarding' }
  | { kind: 'plan' }
  | { kind: 'module'; moduleId: ModuleId }
  | { kind: 'step'; moduleId: ModuleId; stepId: string };

const MODULE_ID = /^m(?:[1-9]|10)$/;

/** "m3" opens a module, "m3/step-id" a step (links from Today, the library and Monday messages). */
export function viewFromItem(item: string | undefined): View | undefined {
  if (!item) return undefined;
  const [moduleId, stepId] = item.split('/', 2);
  if (!MODULE_ID.test(moduleId ?? '')) return undefined;
  return stepId
    ? { kind: 'step', moduleId: moduleId as ModuleId, stepId }
    : { kind: 'module', moduleId: moduleId as ModuleId };
}

export function CourseScreen() {
  const api = useApi();
  const { item } = useNavigation();
  const [overview, setOverview] = useState<CourseOverview>();
  const [error, setError] = useState<string>();
  const [view, setView] = useState<View>(() => viewFromItem(item) ?? { kind: 'map' });
  const [onboardingSeen, setOnboardingSeen] = useState(onboardingPostponed);
  const [stressCheckOpen, setStressCheckOpen] = useState(false);

  const load = useCallback(async () => {
    const result = await call(api, 'course.overview', {});
    if (result.ok) setOverview(result.value);
    else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    // Loading the course when the screen opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  useEffect(() => {
    const linked = viewFromItem(item);
    // A link into the course (from Today or a Markdown link) opens that module or step.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (linked) setView(linked);
  }, [item]);

  const toMap = () => {
    setView({ kind: 'map' });
    void load();
  };

  // The map, onboarding and loading share one Course heading, so the focus the frame puts on it
  // when the section opens stays there while the course loads.
  const header = (
    <ScreenHeader title="Course">
      An eight-week course in bite-size steps, done in any order and at your own pace.
    </ScreenHeader>
  );
  if (error || !overview) {
    return (
      <>
        {header}
        {error ? <FormMessage error={error} /> : <p aria-live="polite">Loading…</p>}
      </>
    );
  }

  const firstVisit = overview.profile === null && !onboardingSeen && view.kind === 'map';
  if (view.kind === 'onboarding' || firstVisit) {
    return (
      <>
        {!stressCheckOpen && header}
        <Onboarding
          overview={overview}
          onStressCheck={setStressCheckOpen}
          onFinished={(next) => {
            setOnboardingSeen(true);
            setOverview(next);
            setView({ kind: 'map' });
          }}
          onCancel={() => {
            postponeOnboarding();
            setOnboardingSeen(true);
            setView({ kind: 'map' });
          }}
        />
      </>
    );
  }

  if (view.kind === 'module') {
    return (
      <ModulePage
        key={view.moduleId}
        moduleId={view.moduleId}
        onBack={toMap}
        onOpenStep={(stepId) => setView({ kind: 'step', moduleId: view.moduleId, stepId })}
      />
    );
  }

  if (view.kind === 'step') {
    const { moduleId, stepId } = view;
    return (
      <>
        <p>
          <button type="button" className="link-button" onClick={() => setView({ kind: 'module', moduleId })}>
            Back to the module
          </button>
          {' · '}
          <OpenInRoomButton
            activity={{ kind: 'course-step', moduleId, stepId }}
            label="Do this step in a session room"
          />
        </p>
        <CourseStepView
          key={`${moduleId}/${stepId}`}
          moduleId={moduleId}
          stepId={stepId}
          onDone={() => setView({ kind: 'module', moduleId })}
        />
      </>
    );
  }

  if (view.kind === 'plan') {
    return (
      <>
        <ScreenHeader title="Your plan">Put the modules in the order that suits you.</ScreenHeader>
        <PlanEditor overview={overview} onSaved={setOverview} />
        <div className="actions">
          <button type="button" onClick={toMap}>
            Back to the course map
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      {header}
      {overview.profile === null && (
        <section className="card" aria-labelledby="course-tailor">
          <h2 id="course-tailor">Make the course yours</h2>
          <p>Answer four quick questions and we will suggest where to start.</p>
          <div className="actions">
            <button type="button" onClick={() => setView({ kind: 'onboarding' })}>
              Tailor the course
            </button>
          </div>
        </section>
      )}
      <ModuleMap
        overview={overview}
        onOpenModule={(moduleId) => setView({ kind: 'module', moduleId })}
        onContinue={() =>
          overview.next &&
          setView({ kind: 'step', moduleId: overview.next.moduleId, stepId: overview.next.stepId })
        }
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setView({ kind: 'plan' })}>
          Change my plan
        </button>
        {overview.profile !== null && (
          <button type="button" className="secondary" onClick={() => setView({ kind: 'onboarding' })}>
            Change my answers
          </button>
        )}
      </div>
    </>
  );
}
