import type { Measure, MODULE_IDS } from '../../contract';
import type { Clock } from '../clock';
import type { VaultService } from '../vault/vault-service';
import type { FocusArea } from './for-you';

type ModuleId = (typeof MODULE_IDS)[number];

/** What "for you" learns from the rest of the app. Each is read when suggestions are asked for. */
export interface LibrarySignals {
  /** The focus areas the user chose (the course profile). */
  focusAreas(): readonly FocusArea[];
  /** Course modules the user is on or has just finished, most relevant first. */
  courseModules(): readonly ModuleId[];
  /** Library article ids the bands of recent check-ins point to, most recent first. */
  checkinArticles(): readonly string[];
}

/** Results older than this no longer steer suggestions. */
export const CHECKIN_SIGNAL_DAYS = 42;

/**
 * Recent check-in bands are read here; focus areas and course progress live in the course's
 * profile and progress, which the handler table passes in (`focusAreas` / `courseModules`).
 */
export function createLibrarySignals(deps: {
  vault: VaultService;
  measures: readonly Measure[];
  clock: Clock;
  focusAreas?: () => readonly FocusArea[];
  courseModules?: () => readonly ModuleId[];
}): LibrarySignals {
  return {
    focusAreas: deps.focusAreas ?? (() => []),
    courseModules: deps.courseModules ?? (() => []),
    checkinArticles() {
      const since = deps.clock.now() - CHECKIN_SIGNAL_DAYS * 24 * 60 * 60 * 1000;
      const repository = deps.vault.checkins();
      const recent = deps.measures
        .flatMap((measure) => repository.history(measure.id, 1))
        .filter((stored) => Date.parse(stored.takenAt) >= since)
        .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
      const ids: string[] = [];
      for (const stored of recent) {
        for (const scale of stored.result.scales) {
          for (const id of scale.band.helps.topics) if (!ids.includes(id)) ids.push(id);
        }
      }
      return ids;
    },
  };
}
