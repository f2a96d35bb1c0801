import { ApiFailure, type CallInput, type CallOutput } from '../../contract';
import { checkinFrequencyAllowed } from '../../contract/plain';
import type { Measure } from '../../contract/measures';
import type { Clock } from '../clock';
import { scoreMeasure, summariseMeasure } from '../measures/scoring';
import type { CheckinRepository } from './checkin-repository';
import { dueSince } from './due';

/**
 * Check-ins: the questionnaires (content), scoring (core), and the user's results, plan and
 * safety plan (vault). `repository()` throws `locked` while the vault is locked.
 */
export function createCheckinHandlers(deps: {
  measures: readonly Measure[];
  clock: Clock;
  repository: () => CheckinRepository;
}) {
  const byId = new Map(deps.measures.map((measure) => [measure.id, measure]));
  const find = (measureId: string): Measure => {
    const measure = byId.get(measureId);
    if (!measure) throw new ApiFailure('not_found', `There is no questionnaire called "${measureId}".`);
    return measure;
  };

  function planOutput(): CallOutput<'checkins.getPlan'> {
    const repository = deps.repository();
    const last = repository.lastTaken();
    const now = deps.clock.now();
    const entries = repository.plan().filter((entry) => byId.has(entry.measureId));
    return {
      entries,
      due: entries.map((entry) => {
        const lastTakenAt = last.get(entry.measureId) ?? null;
        const due = dueSince(entry.frequency, lastTakenAt === null ? null : Date.parse(lastTakenAt), now);
        return {
          measureId: entry.measureId,
          name: find(entry.measureId).name,
          frequency: entry.frequency,
          lastTakenAt,
          dueSince: due === null ? null : new Date(due).toISOString(),
        };
      }),
    };
  }

  return {
    'measures.list': (): CallOutput<'measures.list'> => ({ measures: deps.measures.map(summariseMeasure) }),
    'measures.get': ({ measureId }: CallInput<'measures.get'>) => find(measureId),
    'measures.submit': (submission: CallInput<'measures.submit'>): CallOutput<'measures.submit'> => {
      const measure = find(submission.measureId);
      const scored = scoreMeasure(measure, submission.answers, {
        optionalScales: submission.optionalScales ?? [],
      });
      if (!scored.ok) return { status: 'incomplete', issues: scored.issues, safety: scored.safety };
      const stored = deps.repository().saveResult(measure.id, submission.answers, scored.value);
      return { status: 'scored', ...stored };
    },
    'measures.history': ({ measureId, limit }: { measureId: string; limit: number }) => {
      find(measureId);
      return { results: deps.repository().history(measureId, limit) };
    },
    'checkins.getPlan': planOutput,
    'checkins.setPlan': ({ entries }: CallInput<'checkins.setPlan'>) => {
      const unknown = (entries ?? []).find((entry) => !byId.has(entry.measureId));
      if (unknown)
        throw new ApiFailure('invalid_input', `There is no questionnaire called "${unknown.measureId}".`);
      const seen = new Set<string>();
      for (const entry of entries ?? []) {
        if (seen.has(entry.measureId)) {
          throw new ApiFailure('invalid_input', `"${entry.measureId}" appears twice in the plan.`);
        }
        seen.add(entry.measureId);
        const measure = find(entry.measureId);
        if (!checkinFrequencyAllowed(entry.frequency, measure.recallPeriod?.days ?? null)) {
          throw new ApiFailure(
            'invalid_input',
            `${measure.shortName} asks about ${measure.recallPeriod?.label ?? 'a longer time'}, so it cannot be ` +
              `planned ${entry.frequency}: results would overlap. Choose monthly or on demand.`,
          );
        }
      }
      deps.repository().setPlan(entries ?? []);
      return planOutput();
    },
    'safety.getPlan': () => {
      const saved = deps.repository().safetyPlan();
      return saved ?? { plan: null, updatedAt: null };
    },
    'safety.savePlan': (plan: Parameters<CheckinRepository['saveSafetyPlan']>[0]) =>
      deps.repository().saveSafetyPlan(plan),
  };
}
