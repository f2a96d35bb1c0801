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

/**
 * "m3" opens a module, "m3/step-id" a step (links from Today, the library and Monday messages);
 * "plan" and "tailor" the course's own pages. The course's views live in the navigation item, so
 * Back, the sidebar link and scrolling to the top work the same here as everywhere.
 */
export function viewFromItem(item: string | undefined): View | undefined {
  if (!item) return undefined;
  if (item === 'plan') return { kind: 'plan' };
  if (item === 'tailor') return { kind: 'onboarding' };
  const [moduleId, stepId] = item.split('/', 2);
  if (!MODULE_ID.test(moduleId ?? '')) return undefined;
  return stepId
    ? { kind: 'step', moduleId: moduleId as ModuleId, stepId }
    : { kind: 'module', moduleId: moduleId as ModuleId };
}

function itemFromView(view: View): string | undefined {
  switch (view.kind) {
    case 'map':
      return undefined;
    case 'plan':
      return 'plan';
    case 'onboarding':
      return 'tailor';
    case 'module':
      return view.moduleId;
    case 'step':
      return `${view.moduleId}/${view.stepId}`;
  }
}

export function CourseScreen() {
  const api = useApi();
  const { item, navigate } = useNavigation();
  const [overview, setOverview] = useState<CourseOverview>();
  const [error, setError] = useState<string>();
  const view: View = viewFromItem(item) ?? { kind: 'map' };
  const setView = (next: View) => navigate({ section: 'course', item: itemFromView(next) });
  const [onboardingSeen, setOnboardingSeen] = useState(onboardingPostponed);

  const load = useCallback(async () => {
    const result = await call(api, 'course.overview', {});
    if (result.ok) setOverview(result.value);
    else setError(result.error.message);
  }, [api]);

  const atMap = view.kind === 'map';
  useEffect(() => {
    // Loading the course when the screen opens, and again on coming back to the map (a step or
    // module done meanwhile shows there), is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, atMap]);

  const toMap = () => setView({ kind: 'map' });

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
        {header}
        <Onboarding
          overview={overview}
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
          flow={{
            onNextStep: (next) => setView({ kind: 'step', moduleId, stepId: next }),
            onModule: () => setView({ kind: 'module', moduleId }),
            onStartModule: (target) =>
              setView({ kind: 'step', moduleId: target.moduleId, stepId: target.stepId }),
            onMap: toMap,
          }}
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
