import {
  ApiFailure,
  SHARE_FORMAT_NAME,
  SHARE_FORMAT_VERSION,
  type ShareCounts,
  type ShareData,
  type ShareSelection,
} from '../../contract';
import type { StoredResult } from '../../contract/checkins';
import type { ThoughtRecord } from '../../contract/thoughts';
import type { ShareSources } from './share-sources';

export interface ModelContext {
  now: number;
  appVersion: string;
  /** Questionnaire names by id. */
  measureNames: ReadonlyMap<string, string>;
  /** Thinking trap names by id. */
  trapNames: ReadonlyMap<string, string>;
}

const byTime =
  <T>(time: (item: T) => string) =>
  (a: T, b: T) =>
    time(a).localeCompare(time(b));

/** Keeps the items whose id was chosen, in the order they happened; a chosen id that is gone is an error. */
function pick<T extends { id: string }>(all: T[], chosen: readonly string[], what: string): T[] {
  const wanted = new Set(chosen);
  const found = all.filter((item) => wanted.has(item.id));
  if (found.length !== wanted.size) {
    throw new ApiFailure(
      'not_found',
      `One of the ${what} you chose is no longer there. Look at your choices again.`,
    );
  }
  return found;
}

function primaryScale(result: StoredResult) {
  return result.result.scales.find((scale) => scale.primary) ?? result.result.scales[0];
}

function shareThought(record: ThoughtRecord, trapNames: ReadonlyMap<string, string>) {
  return {
    id: record.id,
    occurredAt: record.occurredAt,
    status: record.status,
    situation: record.situation,
    automaticThoughts: record.automaticThoughts,
    emotions: record.emotions,
    thinkingTraps: record.thinkingTraps.map((id) => ({ id, name: trapNames.get(id) ?? id })),
    evidenceFor: record.evidenceFor,
    evidenceAgainst: record.evidenceAgainst,
    balancedThought: record.balancedThought,
    rerated: record.rerated,
  };
}

/**
 * The selection made into what the coach receives (data.json; the report is drawn from it). Only
 * chosen items go in, and only the fields listed in docs/share-format.md: no answers to single
 * questionnaire items, no safety flags, no drafts' internal times.
 */
export function buildShareData(
  selection: ShareSelection,
  sources: ShareSources,
  context: ModelContext,
): ShareData {
  const diary = selection.diaryEntryIds.length
    ? pick(sources.diaryEntries(), selection.diaryEntryIds, 'diary entries')
    : [];
  const thoughts = selection.thoughtRecordIds.length
    ? pick(sources.thoughtRecords(), selection.thoughtRecordIds, 'thought records')
    : [];
  const needCheckins = selection.checkinResultIds.length > 0 || selection.trendMeasureIds.length > 0;
  const groups = needCheckins ? sources.checkinResults() : [];
  const allResults = groups.flatMap((group) =>
    group.results.map((result) => ({ ...result, measureId: group.measureId })),
  );
  const checkins = pick(allResults, selection.checkinResultIds, 'check-in results');
  const nameOf = (measureId: string) => context.measureNames.get(measureId) ?? measureId;

  const trends = selection.trendMeasureIds.map((measureId) => {
    const results = [...(groups.find((group) => group.measureId === measureId)?.results ?? [])].sort(
      byTime((result) => result.takenAt),
    );
    if (results.length === 0) {
      throw new ApiFailure('not_found', `There are no results for ${nameOf(measureId)} to show as a trend.`);
    }
    const first = primaryScale(results[0] as StoredResult);
    return {
      measureId,
      measureName: nameOf(measureId),
      scaleLabel: first?.label ?? '',
      min: first?.range.min ?? 0,
      max: first?.range.max ?? 0,
      points: results.flatMap((result) => {
        const scale = primaryScale(result);
        return scale ? [{ takenAt: result.takenAt, score: scale.score, band: scale.band.label }] : [];
      }),
    };
  });

  const needCourse = selection.courseModuleIds.length > 0 || selection.courseAnswerIds.length > 0;
  const course = needCourse ? sources.course() : { modules: [], answers: [] };
  const modules = pick(
    course.modules.map((module) => ({ ...module, id: module.moduleId })),
    selection.courseModuleIds,
    'course modules',
  ).map(({ id: _id, ...module }) => module);
  const answers = pick(course.answers, selection.courseAnswerIds, 'course answers');

  return {
    format: SHARE_FORMAT_NAME,
    version: SHARE_FORMAT_VERSION,
    createdAt: new Date(context.now).toISOString(),
    app: { name: 'Stillroom', version: context.appVersion },
    note: selection.note.trim(),
    supportPreference: selection.supportPreference,
    diary: diary.sort(byTime((entry) => entry.occurredAt)).map((entry) => ({
      id: entry.id,
      occurredAt: entry.occurredAt,
      stress: entry.stress,
      what: entry.what,
      body: entry.body,
      thoughts: entry.thoughts,
      actions: entry.actions,
    })),
    thoughtRecords: thoughts
      .sort(byTime((record) => record.occurredAt))
      .map((record) => shareThought(record, context.trapNames)),
    checkins: checkins.sort(byTime((result) => result.takenAt)).map((result) => ({
      id: result.id,
      measureId: result.measureId,
      measureName: nameOf(result.measureId),
      takenAt: result.takenAt,
      scales: result.result.scales.map((scale) => ({
        scaleId: scale.scaleId,
        label: scale.label,
        score: scale.score,
        min: scale.range.min,
        max: scale.range.max,
        band: scale.band.label,
        primary: scale.primary,
      })),
    })),
    trends,
    course: {
      modules,
      answers: answers.sort(byTime((answer) => answer.answeredAt)),
    },
  };
}

export function countShareData(data: ShareData): ShareCounts {
  return {
    diaryEntries: data.diary.length,
    thoughtRecords: data.thoughtRecords.length,
    checkins: data.checkins.length,
    trends: data.trends.length,
    courseModules: data.course.modules.length,
    courseAnswers: data.course.answers.length,
    note: data.note.length > 0,
    supportPreference: data.supportPreference !== null,
  };
}

/** True when there is nothing at all to share: exporting that would only confuse the coach. */
export function isEmptyShare(counts: ShareCounts): boolean {
  return Object.values(counts).every((value) => value === 0 || value === false);
}
