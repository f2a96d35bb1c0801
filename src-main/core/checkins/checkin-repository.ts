import type { CheckinFrequency, SafetyPlan, StoredResult } from '../../contract/checkins';
import type { MeasureResult } from '../../contract/measures';

/** Check-in results, the user's plan and their safety plan, kept in the vault. */
export interface CheckinRepository {
  saveResult(measureId: string, answers: Record<string, number>, result: MeasureResult): StoredResult;
  history(measureId: string, limit: number): StoredResult[];
  /** Every result of every questionnaire with its raw answers, oldest first (the full export). */
  everyResult(): (StoredResult & { measureId: string; answers: Record<string, number> })[];
  lastTaken(): Map<string, string>;
  plan(): { measureId: string; frequency: CheckinFrequency }[];
  setPlan(entries: { measureId: string; frequency: CheckinFrequency }[]): void;
  safetyPlan(): { plan: SafetyPlan; updatedAt: string } | undefined;
  saveSafetyPlan(plan: SafetyPlan): { plan: SafetyPlan; updatedAt: string };
}
