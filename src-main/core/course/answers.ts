import type { CourseStep, ExerciseField, StepAnswers } from '../../contract';

export interface AnswerIssue {
  fieldId: string;
  message: string;
}

/** The longest answer a text field takes, and a list item: generous, but bounded. */
export const TEXT_MAX = 4000;
export const LIST_ITEM_MAX = 300;

/**
 * Checks answers against the step's own fields (or quiz questions): every key is a field of the
 * step and every value has that field's type, range, options and length. Missing answers are
 * fine here (answers autosave as the user types); `missingRequired` says what finishing needs.
 */
export function checkAnswers(step: CourseStep, answers: StepAnswers): AnswerIssue[] {
  if (step.kind === 'quiz') {
    return Object.entries(answers).flatMap(([id, value]): AnswerIssue[] => {
      const question = step.questions.find((q) => q.id === id);
      if (!question) return [{ fieldId: id, message: `This step has no question "${id}".` }];
      if (typeof value !== 'string' || !question.options.some((option) => option.id === value))
        return [{ fieldId: id, message: `"${question.prompt}" needs one of its own options.` }];
      return [];
    });
  }
  if (step.kind !== 'exercise' && step.kind !== 'reflection') {
    return Object.keys(answers).length === 0
      ? []
      : [{ fieldId: Object.keys(answers)[0] ?? '', message: 'This step has nothing to fill in.' }];
  }
  return Object.entries(answers).flatMap(([id, value]) => {
    const field = step.fields.find((f) => f.id === id);
    if (!field) return [{ fieldId: id, message: `This step has no field "${id}".` }];
    const problem = checkField(field, value);
    return problem ? [{ fieldId: id, message: `${field.label}: ${problem}` }] : [];
  });
}

function checkField(field: ExerciseField, value: StepAnswers[string]): string | undefined {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return 'this needs text.';
      if (value.length > TEXT_MAX) return `keep this under ${TEXT_MAX} characters.`;
      return undefined;
    case 'list':
      if (!Array.isArray(value)) return 'this needs a list.';
      if (value.length > field.maxItems) return `this takes up to ${field.maxItems} items.`;
      if (value.some((item) => item.length > LIST_ITEM_MAX))
        return `keep each item under ${LIST_ITEM_MAX} characters.`;
      return undefined;
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'this needs a whole number.';
      if (value < field.min || value > field.max) return `choose a number from ${field.min} to ${field.max}.`;
      return undefined;
    case 'choice': {
      const known = new Set(field.options.map((option) => option.id));
      if (field.multiple) {
        if (!Array.isArray(value)) return 'this needs a list of options.';
        if (value.some((id) => !known.has(id))) return 'choose from the options shown.';
        if (new Set(value).size !== value.length) return 'each option can be chosen once.';
        return undefined;
      }
      if (typeof value !== 'string' || !known.has(value)) return 'choose one of the options shown.';
      return undefined;
    }
  }
}

/** The labels of fields that are not optional and have no answer yet. */
export function missingRequired(step: CourseStep, answers: StepAnswers | null): string[] {
  if (step.kind !== 'exercise' && step.kind !== 'reflection') return [];
  return step.fields
    .filter((field) => !field.optional && isEmpty(answers?.[field.id]))
    .map((field) => field.label);
}

export function isEmpty(value: StepAnswers[string] | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((item) => item.trim() === '');
  return false;
}
