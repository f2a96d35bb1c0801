import type { AnswerValue, CourseModule, ModuleId, ModuleProgress } from '../../contract';
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
