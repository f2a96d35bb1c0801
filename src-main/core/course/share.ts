import type {
  AnswerValue,
  CourseModule,
  ModuleId,
  ModuleProgress,
  ShareCourseAnswer,
  ShareCourseModule,
} from '../../contract';
import type { LoadedModule } from './course-content';
import type { CourseRepository } from './course-repository';
import { moduleProgress, stepProgress } from './progress';

/** One answer as a coach would read it: the field's label and the answer in words. */
export interface SharedAnswer {
  fieldId: string;
  label: string;
  value: string;
}

export interface SharedModule {
  progress: ModuleProgress;
  steps: { stepId: string; title: string; answers: SharedAnswer[] }[];
}

/**
 * What the share-with-coach export includes from the course: for each chosen module its
 * progress, and for each chosen step (exercises and reflections) the user's current answers
 * with their field labels, choices shown by their labels, empty answers left out. Only what
 * the user picked; nothing else leaves the vault.
 */
export function courseShareSummary(
  modules: readonly LoadedModule[],
  repository: Pick<CourseRepository, 'attempts' | 'steps' | 'plan'>,
  choice: { moduleIds: readonly ModuleId[]; steps: readonly { moduleId: ModuleId; stepId: string }[] },
): SharedModule[] {
  const attempts = repository.attempts();
  const records = repository.steps();
  const plan = repository.plan() ?? [];
  return choice.moduleIds.flatMap((moduleId) => {
    const module = modules.find((loaded) => loaded.module.id === moduleId)?.module;
    if (!module) return [];
    const chosenSteps = module.steps.filter((step) =>
      choice.steps.some((s) => s.moduleId === moduleId && s.stepId === step.id),
    );
    return [
      {
        progress: moduleProgress(module, plan.includes(moduleId), attempts, records),
        steps: chosenSteps.map((step) => ({
          stepId: step.id,
          title: step.title,
          answers: labelledAnswers(
            module,
            step.id,
            stepProgress(moduleId, step.id, attempts, records).answers,
          ),
        })),
      },
    ];
  });
}

function labelledAnswers(
  module: CourseModule,
  stepId: string,
  answers: Record<string, AnswerValue> | null,
): SharedAnswer[] {
  const step = module.steps.find((s) => s.id === stepId);
  if (!step || !answers || (step.kind !== 'exercise' && step.kind !== 'reflection')) return [];
  return step.fields.flatMap((field) => {
    const value = answers[field.id];
    if (value === undefined) return [];
    let text: string;
    if (field.type === 'choice') {
      const ids = Array.isArray(value) ? value : [String(value)];
      text = ids.map((id) => field.options.find((option) => option.id === id)?.label ?? id).join('; ');
    } else if (field.type === 'scale') {
      text = `${String(value)} (${field.min} = ${field.minLabel}, ${field.max} = ${field.maxLabel})`;
    } else if (Array.isArray(value)) {
      text = value.filter((item) => item.trim() !== '').join('; ');
    } else text = String(value).trim();
    return text === '' ? [] : [{ fieldId: field.id, label: field.label, value: text }];
  });
}

/**
 * The course's part of the share-with-coach sources: every module the user has started, with its
 * progress, and every saved exercise or reflection answer (current attempt) as its own item with a
 * stable id ("m1/stress-signature/first-sign"), its field label and the answer in words. The share
 * screen lets the user pick from these; nothing is included unless picked.
 */
export function courseShareSource(
  modules: readonly LoadedModule[],
  repository: Pick<CourseRepository, 'attempts' | 'steps' | 'plan'>,
): { modules: ShareCourseModule[]; answers: ShareCourseAnswer[] } {
  const attempts = repository.attempts();
  const records = repository.steps();
  const plan = repository.plan() ?? [];
  const shared: ShareCourseModule[] = [];
  const answers: ShareCourseAnswer[] = [];
  for (const { module } of modules) {
    const progress = moduleProgress(module, plan.includes(module.id), attempts, records);
    const started = attempts.some((a) => a.moduleId === module.id);
    if (!started) continue;
    const finished = attempts
      .filter((a) => a.moduleId === module.id && a.completedAt !== null)
      .sort((a, b) => b.attempt - a.attempt)[0];
    shared.push({
      moduleId: module.id,
      title: module.title,
      completedSteps: progress.status === 'done' ? progress.stepCount : progress.stepsDone,
      totalSteps: progress.stepCount,
      completedAt: finished?.completedAt ?? null,
    });
    for (const step of module.steps) {
      const saved = stepProgress(module.id, step.id, attempts, records);
      if (!saved.answers || !saved.answersUpdatedAt) continue;
      for (const answer of labelledAnswers(module, step.id, saved.answers)) {
        answers.push({
          id: `${module.id}/${step.id}/${answer.fieldId}`,
          moduleId: module.id,
          moduleTitle: module.title,
          prompt: `${step.title}: ${answer.label}`,
          answer: answer.value,
          answeredAt: saved.answersUpdatedAt,
        });
      }
    }
  }
  return { modules: shared, answers };
}
