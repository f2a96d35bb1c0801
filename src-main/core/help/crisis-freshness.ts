import type { ShippedCrisisResources } from '../../contract';

const DAY_MS = 24 * 60 * 60 * 1000;
/** CONTENT.md: an entry not checked against its source within a year fails the content tests. */
export const CRISIS_MAX_AGE_DAYS = 365;

/** Each entry of a shipped list that is older than a year at `nowMs`, or dated in the future. */
export function staleCrisisEntries(list: ShippedCrisisResources, nowMs: number): string[] {
  return list.resources.flatMap((resource) => {
    const checkedMs = Date.parse(`${resource.checked}T00:00:00Z`);
    const ageDays = (nowMs - checkedMs) / DAY_MS;
    if (ageDays > CRISIS_MAX_AGE_DAYS)
      return [`${list.country}: ${resource.name} was last checked ${resource.checked}, over a year ago`];
    if (ageDays < -1) return [`${list.country}: ${resource.name} has a checked date in the future`];
    return [];
  });
}
