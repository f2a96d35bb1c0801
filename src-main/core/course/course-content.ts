import type { CourseModule, Markdown } from '../../contract';

/** A module as loaded: the validated content and each step's body parsed into the Markdown tree. */
export interface LoadedModule {
  module: CourseModule;
  /** Step id → its parsed body. */
  bodies: Readonly<Record<string, Markdown>>;
  /** The titles of the library articles it links to, where the library has them. */
  articleTitles: Readonly<Record<string, string>>;
}

/** Estimated time for a module: the sum of its steps (computed, never stored). */
export function moduleMinutes(module: CourseModule): number {
  return module.steps.reduce((sum, step) => sum + step.minutes, 0);
}

/** The 5-minute route: the steps marked `quick`, in order. */
export function quickMinutes(module: CourseModule): number {
  return module.steps.filter((step) => step.quick).reduce((sum, step) => sum + step.minutes, 0);
}
