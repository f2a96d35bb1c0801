import type { CourseOverview } from '../../../../src-main/contract';

/**
 * Today's quiet line about the course: where you are, never how often you came or what you
 * missed (no streaks, no "you haven't…"). Nothing is said before the first step is done, so a
 * new user is not met by "0 of 8".
 */
export function courseProgressLine(overview: CourseOverview): string | undefined {
  const current = overview.next
    ? overview.modules.find((m) => m.moduleId === overview.next?.moduleId)
    : undefined;
  const stepsDoneAnywhere = overview.modules.some((m) => m.stepsDone > 0 || m.timesDone > 0);
  if (!stepsDoneAnywhere) return undefined;
  const parts: string[] = [];
  if (current && current.stepsDone > 0) {
    parts.push(`${current.stepsDone} of ${current.stepCount} steps done in this module`);
  }
  const { modulesDone, modulesInPlan } = overview.totals;
  if (modulesInPlan > 0) parts.push(`${modulesDone} of ${modulesInPlan} modules in your plan finished`);
  else if (modulesDone > 0) parts.push(`${modulesDone} ${modulesDone === 1 ? 'module' : 'modules'} finished`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
