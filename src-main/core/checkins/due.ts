import type { CheckinFrequency } from '../../contract/checkins';
import { CHECKIN_PERIOD_DAYS as PERIOD_DAYS } from '../../contract/plain';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a planned check-in falls due: never taken means due now; otherwise one period after the
 * last time. A day's grace on each side would only hide it, so it is exact. On-demand is never due.
 * Pure: time comes in as numbers.
 */
export function dueSince(
  frequency: CheckinFrequency,
  lastTakenMs: number | null,
  nowMs: number,
): number | null {
  if (frequency === 'on-demand') return null;
  if (lastTakenMs === null) return nowMs;
  const due = lastTakenMs + PERIOD_DAYS[frequency] * DAY_MS;
  return nowMs >= due ? due : null;
}
