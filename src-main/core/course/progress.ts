import type { ContinueTarget, CourseModule, ModuleId, ModuleProgress, StepProgress } from '../../contract';
import { moduleMinutes, quickMinutes } from './course-content';
import type { AttemptRecord, StepRecord } from './course-repository';

/** The attempt a module is on now: the latest one, or 1 before it was ever opened. */
export function currentAttempt(
  moduleId: ModuleId,
  attempts: readonly AttemptRecord[],
): AttemptRecord | undefined {
  return attempts.filter((a) => a.moduleId === moduleId).sort((a, b) => b.attempt - a.attempt)[0];
}

/** A step's record in the module's current attempt, with the answers of the attempt before it. */
export function stepProgress(
  moduleId: ModuleId,
  stepId: string,
  attempts: readonly AttemptRecord[],
  steps: readonly StepRecord[],
): StepProgress {
  const attempt = currentAttempt(moduleId, attempts)?.attempt ?? 1;
  const mine = steps.filter((s) => s.moduleId === moduleId && s.stepId === stepId);
  const now = mine.find((s) => s.attempt === attempt);
  const earlier = mine
    .filter((s) => s.attempt < attempt && s.answers !== null)
    .sort((a, b) => b.attempt - a.attempt)[0];
  return {
    startedAt: now?.startedAt ?? null,
    completedAt: now?.completedAt ?? null,
    secondsSpent: now?.secondsSpent ?? 0,
    answers: now?.answers ?? null,
    answersUpdatedAt: now?.answersUpdatedAt ?? null,
    previousAnswers: earlier?.answers ?? null,
    diaryLink: now?.diaryLink ?? null,
  };
}

/** The steps done in the module's current attempt. */
function doneStepIds(
  moduleId: ModuleId,
  attempts: readonly AttemptRecord[],
  steps: readonly StepRecord[],
): Set<string> {
  const attempt = currentAttempt(moduleId, attempts)?.attempt ?? 1;
  return new Set(
    steps
      .filter((s) => s.moduleId === moduleId && s.attempt === attempt && s.completedAt !== null)
      .map((s) => s.stepId),
  );
}

/**
 * Minutes still to do in the module's current attempt, on the full route and on the 5-minute
 * route (its `quick` steps); none once the attempt is finished.
 */
export function minutesLeftOf(
  module: CourseModule,
  attempts: readonly AttemptRecord[],
  steps: readonly StepRecord[],
): { full: number; quick: number } {
  if (currentAttempt(module.id, attempts)?.completedAt != null) return { full: 0, quick: 0 };
  const doneIds = doneStepIds(module.id, attempts, steps);
  const left = module.steps.filter((step) => !doneIds.has(step.id));
  const sum = (list: typeof left) => list.reduce((total, step) => total + step.minutes, 0);
  return { full: sum(left), quick: sum(left.filter((step) => step.quick)) };
}

/**
 * Where a module stands: done once its current attempt is finished, in progress once any step of
 * it was opened, to do otherwise. Time spent counts every attempt; time left is the estimate of
 * the steps not yet done in this one.
 */
export function moduleProgress(
  module: CourseModule,
  inPlan: boolean,
  attempts: readonly AttemptRecord[],
  steps: readonly StepRecord[],
): ModuleProgress {
  const current = currentAttempt(module.id, attempts);
  const attempt = current?.attempt ?? 1;
  const mine = steps.filter((s) => s.moduleId === module.id);
  const now = mine.filter((s) => s.attempt === attempt);
  const doneIds = doneStepIds(module.id, attempts, steps);
  const stepsDone = module.steps.filter((step) => doneIds.has(step.id)).length;
  const done = current?.completedAt != null;
  const touched = now.some((s) => s.startedAt !== null || s.completedAt !== null || s.answers !== null);
  const minutesLeft = minutesLeftOf(module, attempts, steps).full;
  return {
    moduleId: module.id,
    number: module.number,
    title: module.title,
    summary: module.summary,
    core: module.core,
    inPlan,
    status: done ? 'done' : touched ? 'in-progress' : 'to-do',
    attempt,
    timesDone: attempts.filter((a) => a.moduleId === module.id && a.completedAt !== null).length,
    stepCount: module.steps.length,
    stepsDone,
    minutes: moduleMinutes(module),
    quickMinutes: quickMinutes(module),
    minutesLeft,
    secondsSpent: mine.reduce((sum, s) => sum + s.secondsSpent, 0),
  };
}

/**
 * "Continue where you left off": the first step not yet done in the module the user was in most
 * recently (unless it is finished); otherwise the first step of the next module in their plan
 * that is not done. Null when everything in the plan is done.
 */
export function continueTarget(
  modules: readonly CourseModule[],
  plan: readonly ModuleId[],
  attempts: readonly AttemptRecord[],
  steps: readonly StepRecord[],
): ContinueTarget | null {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const isCurrent = (s: StepRecord) => s.attempt === (currentAttempt(s.moduleId, attempts)?.attempt ?? 1);
  const recent = steps
    .filter((s) => isCurrent(s) && currentAttempt(s.moduleId, attempts)?.completedAt == null)
    .map((s) => ({ s, at: latest(s) }))
    .filter((x) => x.at !== '')
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0];
  const resumedModule = recent ? byId.get(recent.s.moduleId) : undefined;
  if (resumedModule) {
    const target = firstUndone(resumedModule, steps.filter(isCurrent));
    if (target) return { ...target, resumed: true };
  }
  for (const id of plan) {
    const module = byId.get(id);
    if (!module || currentAttempt(id, attempts)?.completedAt != null) continue;
    const target = firstUndone(module, steps.filter(isCurrent));
    if (target) return { ...target, resumed: false };
  }
  return null;
}

function firstUndone(
  module: CourseModule,
  current: readonly StepRecord[],
): Omit<ContinueTarget, 'resumed'> | undefined {
  const done = new Set(
    current.filter((s) => s.moduleId === module.id && s.completedAt !== null).map((s) => s.stepId),
  );
  // All steps done but the module not finished yet: the last step, where the take-away is.
  const step = module.steps.find((candidate) => !done.has(candidate.id)) ?? module.steps.at(-1);
  if (!step) return undefined;
  return {
    moduleId: module.id,
    moduleTitle: module.title,
    stepId: step.id,
    stepTitle: step.title,
    minutes: step.minutes,
  };
}

function latest(step: StepRecord): string {
  return [step.lastOpenedAt, step.completedAt, step.answersUpdatedAt, step.startedAt]
    .filter((at): at is string => at !== null)
    .reduce((a, b) => (a > b ? a : b), '');
}

/**
 * The modules the user has touched most recently, newest first: what the library's "for you"
 * leans towards. Activity is the latest open or completion of any step, across attempts.
 */
export function recentModules(steps: readonly StepRecord[], limit = 3): ModuleId[] {
  const latest = new Map<ModuleId, string>();
  for (const step of steps) {
    const when = [step.lastOpenedAt, step.completedAt]
      .filter((t): t is string => t !== null)
      .sort()
      .at(-1);
    if (when && when > (latest.get(step.moduleId) ?? '')) latest.set(step.moduleId, when);
  }
  return [...latest.entries()]
    .sort((a, b) => b[1].localeCompare(a[1]))
    .slice(0, limit)
    .map(([moduleId]) => moduleId);
}
