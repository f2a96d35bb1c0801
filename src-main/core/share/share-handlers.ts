import {
  ApiFailure,
  shareDataSchema,
  type CallOutput,
  type EventPayload,
  type Measure,
  type PolicyState,
  type ShareData,
  type ThinkingTrap,
} from '../../contract';
import type { Handlers } from '../api/dispatch';
import type { Clock } from '../clock';
import { buildShareData, countShareData, isEmptyShare } from './export-model';
import { suggestPassphrase } from './passphrase';
import { renderReportHtml } from './report-html';
import type { FileAccess } from '../files/file-port';
import type { ShareFileStore } from './share-file';
import type { ShareHistoryRepository } from './share-history';
import type { ShareSources } from './share-sources';

export interface ShareDeps {
  /** Throw `locked` while the vault is locked. */
  sources: () => ShareSources;
  history: () => ShareHistoryRepository;
  files: ShareFileStore;
  /** Where the person chose to save, and the file they chose to open. */
  chosen: FileAccess;
  measures: readonly Measure[];
  thinkingTraps: readonly ThinkingTrap[];
  policy: PolicyState;
  clock: Clock;
  appVersion: () => string;
  /** A cryptographic uniform integer in [0, max). */
  randomInt: (max: number) => number;
  emitProgress: (progress: EventPayload<'share.progress'>) => void;
}

/** A call's input after its schema has run (defaults filled in). */
type In<C extends keyof Handlers> = Parameters<Handlers[C]>[0];

const TITLE_LENGTH = 80;
const title = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
};

export function createShareHandlers(deps: ShareDeps) {
  const measureNames = new Map(deps.measures.map((measure) => [measure.id, measure.name]));
  const trapNames = new Map(deps.thinkingTraps.map((trap) => [trap.id, trap.name]));
  const policy = deps.policy.state === 'ok' ? deps.policy.policy : undefined;
  const exportAllowed = policy?.enforced?.exportAllowed ?? true;
  /** Exports under way, by the id the page chose, so the page can cancel one. */
  const running = new Map<string, { cancelled: boolean }>();

  const model = (selection: In<'share.preview'>): ShareData =>
    buildShareData(selection, deps.sources(), {
      now: deps.clock.now(),
      appVersion: deps.appVersion(),
      measureNames,
      trapNames,
    });

  return {
    'share.sources': (): CallOutput<'share.sources'> => {
      const sources = deps.sources();
      const groups = sources.checkinResults();
      const name = (measureId: string) => measureNames.get(measureId) ?? measureId;
      const course = sources.course();
      return {
        diary: sources.diaryEntries().map((entry) => ({
          id: entry.id,
          occurredAt: entry.occurredAt,
          title: title(entry.what),
          stress: entry.stress,
        })),
        thoughts: sources.thoughtRecords().map((record) => ({
          id: record.id,
          occurredAt: record.occurredAt,
          title: title(record.situation) || 'A thought record with no situation yet',
          status: record.status,
        })),
        checkins: groups
          .flatMap((group) =>
            group.results.map((result) => {
              const primary = result.result.scales.find((scale) => scale.primary) ?? result.result.scales[0];
              return {
                id: result.id,
                occurredAt: result.takenAt,
                title: name(group.measureId),
                measureId: group.measureId,
                score: primary ? `${primary.score} (${primary.band.label})` : '',
              };
            }),
          )
          .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
        trends: groups
          .filter((group) => group.results.length > 0)
          .map((group) => ({
            measureId: group.measureId,
            name: name(group.measureId),
            results: group.results.length,
          })),
        course: {
          modules: course.modules.map((module) => ({
            moduleId: module.moduleId,
            title: module.title,
            summary: `${module.completedSteps} of ${module.totalSteps} steps`,
          })),
          answers: course.answers.map((answer) => ({
            id: answer.id,
            occurredAt: answer.answeredAt,
            title: title(answer.prompt),
            moduleTitle: answer.moduleTitle,
          })),
        },
        coach: policy?.coach ?? null,
        exportAllowed,
      };
    },
    'share.preview': (selection: In<'share.preview'>): CallOutput<'share.preview'> => ({
      data: model(selection),
    }),
    'share.suggestPassphrase': () => suggestPassphrase(deps.randomInt),
    'share.export': async (request: In<'share.export'>): Promise<CallOutput<'share.export'>> => {
      if (!exportAllowed) {
        throw new ApiFailure('unavailable', 'Your organisation has turned off exports on this computer.');
      }
      if (running.has(request.exportId)) {
        throw new ApiFailure('conflict', 'That export is already under way.');
      }
      const progress = (stage: EventPayload<'share.progress'>['stage'], fraction: number) =>
        deps.emitProgress({ exportId: request.exportId, stage, fraction });
      // Before anything runs: a stale or wrong target is refused with nothing done.
      const target = deps.chosen.target(request.target, 'share');
      const state = { cancelled: false };
      running.set(request.exportId, state);
      try {
        progress('preparing', 0);
        const data = model(request.selection);
        const counts = countShareData(data);
        if (isEmptyShare(counts)) {
          throw new ApiFailure('invalid_input', 'Choose at least one thing to share first.');
        }
        const sealed = await deps.files.encrypt({
          files: { reportHtml: renderReportHtml(data), dataJson: `${JSON.stringify(data, null, 2)}\n` },
          protection: request.protection,
          isCancelled: () => state.cancelled,
          onStage: progress,
        });
        if (sealed.status === 'cancelled' || state.cancelled) {
          progress('cancelled', 0);
          return { status: 'cancelled' };
        }
        const file = target.write(sealed.bytes);
        const entry = recordExport(() =>
          deps.history().add({
            recipientLabel: request.recipientLabel,
            method: request.protection.kind,
            fileName: file.name,
            counts,
          }),
        );
        progress('done', 1);
        return { status: 'done', file, entry };
      } catch (error) {
        progress('failed', 0);
        throw error;
      } finally {
        running.delete(request.exportId);
      }
    },
    'share.cancel': ({ exportId }: In<'share.cancel'>) => {
      const state = running.get(exportId);
      if (state) state.cancelled = true;
      return { cancelled: state !== undefined };
    },
    'share.history': () => ({ entries: deps.history().list() }),
    'share.clearHistory': () => {
      const history = deps.history();
      history.clear();
      return { entries: history.list() };
    },
    'share.open': async ({ file, secret }: In<'share.open'>): Promise<CallOutput<'share.open'>> => {
      const files = await deps.files.read(deps.chosen.opened(file, 'share').read(), secret);
      return { data: parseShareData(files.dataJson) };
    },
  };
}

/** data.json from a shared file, checked against the format; anything else is a clear refusal. */
export function parseShareData(json: string): ShareData {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ApiFailure('tampered', 'This file opened, but the data inside it is damaged.');
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) {
    throw new ApiFailure(
      'unavailable',
      'This file was made by a newer version of Stillroom. Update Stillroom to open it.',
    );
  }
  const parsed = shareDataSchema.safeParse(value);
  if (!parsed.success) {
    throw new ApiFailure('tampered', 'This file opened, but it is not a report shared from Stillroom.');
  }
  return parsed.data;
}

/**
 * The file is written by the time the history is told; if Stillroom locked meanwhile (screen
 * lock, suspend, the tray), the export still succeeded: say so, unrecorded, rather than fail and
 * invite a second copy.
 */
function recordExport<T>(add: () => T): T | null {
  try {
    return add();
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'locked') return null;
    throw error;
  }
}
