import {
  ApiFailure,
  type CallInput,
  type CallOutput,
  type CourseModuleView,
  type CourseStep,
  type DiaryLink,
  type ModuleId,
  type PssBand,
} from '../../contract';
import type { CheckinRepository } from '../checkins/checkin-repository';
import type { StressDiaryRepository } from '../diary/stress-diary';
import type { ThoughtRecordRepository } from '../thoughts/thought-records';
import { checkAnswers, missingRequired } from './answers';
import { moduleMinutes, quickMinutes, type LoadedModule } from './course-content';
import { stressEntryFromAnswers, thoughtRecordFromAnswers } from './diary-steps';
import type { CourseRepository } from './course-repository';
import { continueTarget, minutesLeftOf, moduleProgress, stepProgress } from './progress';
import { recommend, weeklyPlan, type ModuleFacts } from './recommendation';

const BANDS: readonly PssBand[] = ['low', 'moderate', 'high'];

/** Saves over an entry, or creates it afresh when it was deleted from the diary meanwhile. */
function updateOrCreate<T>(update: () => T, create: () => T): T {
  try {
    return update();
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'not_found') return create();
    throw error;
  }
}

/**
 * The course: content (loaded and checked at start), the user's progress, answers, profile and
 * plan (vault), and the pure rules in this folder. `repository()` throws `locked` while locked.
 */
export function createCourseHandlers(deps: {
  modules: readonly LoadedModule[];
  repository: () => CourseRepository;
  checkins: () => CheckinRepository;
  /** Where diary-shaped steps write when finished (absent in hosts without a diary). */
  diary?: {
    stressDiary: () => StressDiaryRepository;
    thoughtRecords: () => ThoughtRecordRepository;
    thinkingTraps: readonly string[];
  };
  now?: () => string;
}) {
  const byId = new Map(deps.modules.map((loaded) => [loaded.module.id, loaded]));
  const facts: ModuleFacts[] = deps.modules.map(({ module }) => ({
    id: module.id,
    number: module.number,
    core: module.core,
    focusAreas: module.focusAreas,
    minutes: moduleMinutes(module),
    quickMinutes: quickMinutes(module),
  }));
  const contents = deps.modules.map((loaded) => loaded.module);
  const defaultPlan = (): ModuleId[] => facts.filter((f) => f.core).map((f) => f.id);

  const find = (moduleId: ModuleId): LoadedModule => {
    const loaded = byId.get(moduleId);
    if (!loaded) throw new ApiFailure('not_found', `The course has no module "${moduleId}".`);
    return loaded;
  };
  const findStep = (moduleId: ModuleId, stepId: string) => {
    const step = find(moduleId).module.steps.find((candidate) => candidate.id === stepId);
    if (!step) throw new ApiFailure('not_found', `Module ${moduleId} has no step "${stepId}".`);
    return step;
  };

  function recommendationFor(repository: CourseRepository) {
    const profile = repository.profile();
    if (!profile) return { profile: null, recommendation: null };
    const recommendation = recommend(facts, {
      focusAreas: profile.focusAreas,
      minutesPerWeek: profile.minutesPerWeek,
      band: profile.baseline?.band ?? null,
    });
    return { profile, recommendation };
  }

  function overview(): CallOutput<'course.overview'> {
    const repository = deps.repository();
    const { profile, recommendation } = recommendationFor(repository);
    const plan = (repository.plan() ?? defaultPlan()).filter((id) => byId.has(id));
    const inPlan = new Set(plan);
    const attempts = repository.attempts();
    const steps = repository.steps();
    const modules = contents.map((module) => moduleProgress(module, inPlan.has(module.id), attempts, steps));
    const planned = modules.filter((m) => m.inPlan);
    return {
      profile,
      recommendation,
      plan,
      modules,
      totals: {
        modulesDone: planned.filter((m) => m.status === 'done').length,
        modulesInPlan: planned.length,
        secondsSpent: modules.reduce((sum, m) => sum + m.secondsSpent, 0),
        minutesLeft: planned.reduce((sum, m) => sum + m.minutesLeft, 0),
      },
      weeks: profile
        ? weeklyPlan(
            plan,
            facts,
            profile.minutesPerWeek,
            new Map(
              modules.map((m) => [
                m.moduleId,
                {
                  done: m.status === 'done',
                  minutesLeft: minutesLeftOf(find(m.moduleId).module, attempts, steps),
                },
              ]),
            ),
          )
        : [],
      next: continueTarget(contents, plan, attempts, steps),
    };
  }

  function moduleView(moduleId: ModuleId): CallOutput<'course.module'> {
    const { module, bodies, articleTitles } = find(moduleId);
    const repository = deps.repository();
    const plan = repository.plan() ?? defaultPlan();
    const attempts = repository.attempts();
    const steps = repository.steps();
    const view: CourseModuleView = {
      ...module,
      steps: module.steps.map((step) => ({
        ...step,
        body: bodies[step.id] ?? [],
        progress: stepProgress(module.id, step.id, attempts, steps),
      })),
    };
    return {
      module: view,
      progress: moduleProgress(module, plan.includes(module.id), attempts, steps),
      articles: module.articles.map((id) => ({ id, title: articleTitles[id] ?? id })),
    };
  }

  /**
   * Writes a diary-shaped step's answers to the diary: a new entry the first time this attempt is
   * finished, the same entry again after that (a new one if the person deleted it meanwhile).
   */
  function writeToDiary(step: CourseStep, saved: ReturnType<typeof stepOutput>): DiaryLink | undefined {
    const diary = deps.diary;
    if (!diary || step.kind !== 'exercise' || !step.savesTo || !saved.answers) return undefined;
    const earlier = saved.diaryLink;
    const occurredAt = earlier?.occurredAt ?? deps.now?.() ?? new Date().toISOString();
    if (step.savesTo === 'stress-diary') {
      const entry = stressEntryFromAnswers(saved.answers, occurredAt);
      if (!entry) return undefined;
      const repository = diary.stressDiary();
      const again = earlier?.kind === 'stress' ? earlier.id : undefined;
      const stored = again
        ? updateOrCreate(
            () => repository.save({ ...entry, id: again }),
            () => repository.save(entry),
          )
        : repository.save(entry);
      return { kind: 'stress', id: stored.id, occurredAt: stored.occurredAt };
    }
    const record = thoughtRecordFromAnswers(saved.answers, occurredAt, diary.thinkingTraps);
    if (!record) return undefined;
    const repository = diary.thoughtRecords();
    const again = earlier?.kind === 'thought' && repository.get(earlier.id) ? earlier.id : undefined;
    const stored = repository.save(again ? { ...record, id: again } : record);
    return { kind: 'thought', id: stored.id, occurredAt: stored.occurredAt };
  }

  const stepOutput = (moduleId: ModuleId, stepId: string) => {
    const repository = deps.repository();
    return stepProgress(moduleId, stepId, repository.attempts(), repository.steps());
  };

  return {
    'course.overview': overview,
    'course.module': ({ moduleId }: CallInput<'course.module'>) => moduleView(moduleId),
    'course.openStep': ({ moduleId, stepId }: CallInput<'course.openStep'>) => {
      findStep(moduleId, stepId);
      deps.repository().openStep(moduleId, stepId);
      return stepOutput(moduleId, stepId);
    },
    'course.saveAnswers': ({ moduleId, stepId, answers }: CallInput<'course.saveAnswers'>) => {
      const step = findStep(moduleId, stepId);
      const issues = checkAnswers(step, answers);
      if (issues.length > 0)
        throw new ApiFailure('invalid_input', issues.map((issue) => issue.message).join(' '));
      deps.repository().saveAnswers(moduleId, stepId, answers);
      return stepOutput(moduleId, stepId);
    },
    'course.completeStep': ({ moduleId, stepId, secondsSpent }: CallInput<'course.completeStep'>) => {
      const step = findStep(moduleId, stepId);
      const saved = stepOutput(moduleId, stepId);
      const missing = missingRequired(step, saved.answers);
      if (missing.length > 0)
        throw new ApiFailure(
          'invalid_input',
          `Before you finish this step, fill in: ${missing.map((label) => `“${label}”`).join(', ')}.`,
        );
      const link = writeToDiary(step, saved);
      deps.repository().completeStep(moduleId, stepId, secondsSpent ?? 0);
      if (link) deps.repository().linkDiary(moduleId, stepId, link);
      return stepOutput(moduleId, stepId);
    },
    'course.recordTime': ({ moduleId, stepId, secondsSpent }: CallInput<'course.recordTime'>) => {
      findStep(moduleId, stepId);
      deps.repository().addTime(moduleId, stepId, secondsSpent);
      return stepOutput(moduleId, stepId);
    },
    'course.finishModule': ({ moduleId }: CallInput<'course.finishModule'>) => {
      const { module } = find(moduleId);
      const before = moduleView(moduleId);
      const done = new Set(
        before.module.steps.filter((step) => step.progress.completedAt !== null).map((step) => step.id),
      );
      const route = module.steps.filter((step) => step.quick);
      const finishedAll = module.steps.every((step) => done.has(step.id));
      const finishedQuick = route.every((step) => done.has(step.id));
      if (!finishedAll && !finishedQuick)
        throw new ApiFailure(
          'invalid_input',
          'Finish the steps of this module first (all of them, or the ones on the 5-minute route).',
        );
      deps.repository().finishModule(moduleId);
      return moduleView(moduleId);
    },
    'course.restartModule': ({ moduleId }: CallInput<'course.restartModule'>) => {
      find(moduleId);
      deps.repository().restartModule(moduleId);
      return moduleView(moduleId);
    },
    'course.getProfile': () => recommendationFor(deps.repository()),
    'course.saveProfile': (input: CallInput<'course.saveProfile'>) => {
      const repository = deps.repository();
      let baseline = null;
      if (input.baselineResultId !== null) {
        const stored = deps
          .checkins()
          .history('pss-10', 500)
          .find((result) => result.id === input.baselineResultId);
        if (!stored) throw new ApiFailure('not_found', 'That stress check result could not be found.');
        const band = stored.result.scales.find((scale) => scale.primary)?.band.id;
        if (!BANDS.includes(band as PssBand))
          throw new ApiFailure(
            'invalid_input',
            'That stress check result has no band to tailor the course by.',
          );
        baseline = { resultId: stored.id, takenAt: stored.takenAt, band: band as PssBand };
      }
      repository.saveProfile({
        focusAreas: [...input.focusAreas],
        minutesPerWeek: input.minutesPerWeek,
        support: input.support,
        baseline,
      });
      const { recommendation } = recommendationFor(repository);
      if (recommendation) repository.savePlan(recommendation.order);
      return overview();
    },
    'course.setPlan': ({ order }: CallInput<'course.setPlan'>) => {
      if (new Set(order).size !== order.length)
        throw new ApiFailure('invalid_input', 'Each module can be in your plan once.');
      const unknown = order.find((id) => !byId.has(id));
      if (unknown) throw new ApiFailure('not_found', `The course has no module "${unknown}".`);
      const missingCore = facts.filter((f) => f.core && !order.includes(f.id));
      if (missingCore.length > 0)
        throw new ApiFailure(
          'invalid_input',
          `The core modules stay in your plan (you can put them in any order): add ${missingCore
            .map((f) => f.id)
            .join(', ')}.`,
        );
      deps.repository().savePlan(order);
      return overview();
    },
  };
}
