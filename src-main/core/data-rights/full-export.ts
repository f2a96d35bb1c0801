import {
  FULL_EXPORT_FORMAT_NAME,
  FULL_EXPORT_FORMAT_VERSION,
  fullExportSchema,
  type AppSettings,
  type FullExport,
} from '../../contract';
import { DEFAULT_REMINDER_PREFERENCES } from '../reminders/reminder-repository';
import type { VaultService } from '../vault/vault-service';

/** More than anyone writes in a lifetime of use; the export reads everything up to this. */
const READ_LIMIT = 1_000_000;

export interface FullExportContext {
  now: number;
  appVersion: string;
  settings: AppSettings;
  /** Questionnaire names by id. */
  measureNames: ReadonlyMap<string, string>;
}

const oldestFirst =
  <T>(time: (item: T) => string) =>
  (a: T, b: T) =>
    time(a).localeCompare(time(b));

/**
 * Everything the vault holds about the person, read whole (the unlocked vault's repositories,
 * so `locked` is thrown while locked) and checked against the documented format before it is
 * written anywhere: a file that does not match docs/full-export.schema.json is never made.
 */
export function buildFullExport(vault: VaultService, context: FullExportContext): FullExport {
  const checkins = vault.checkins();
  const course = vault.course();
  const rooms = vault.rooms();
  const reminders = vault.reminders();
  const model: FullExport = {
    format: FULL_EXPORT_FORMAT_NAME,
    version: FULL_EXPORT_FORMAT_VERSION,
    createdAt: new Date(context.now).toISOString(),
    app: { name: 'Stillroom', version: context.appVersion },
    settings: { theme: context.settings.theme, autoLockMinutes: vault.status().autoLockMinutes },
    diary: vault
      .stressDiary()
      .list({ limit: READ_LIMIT })
      .entries.sort(oldestFirst((entry) => entry.occurredAt)),
    thoughtRecords: vault
      .thoughtRecords()
      .list({ limit: READ_LIMIT })
      .records.sort(oldestFirst((record) => record.occurredAt)),
    checkins: {
      results: checkins.everyResult().map((stored) => ({
        id: stored.id,
        measureId: stored.measureId,
        measureName: context.measureNames.get(stored.measureId) ?? stored.measureId,
        takenAt: stored.takenAt,
        answers: stored.answers,
        result: stored.result,
      })),
      plan: checkins.plan(),
      safetyPlan: checkins.safetyPlan() ?? null,
    },
    course: {
      profile: course.profile() ?? null,
      plan: course.plan() ?? null,
      attempts: course.attempts(),
      steps: course.steps(),
    },
    library: {
      articles: [...vault.library().states().values()]
        .filter((state) => state.bookmarked || state.readLater || state.readAt !== null)
        .map((state) => ({
          articleId: state.id,
          bookmarked: state.bookmarked,
          readLater: state.readLater,
          readAt: state.readAt,
        })),
    },
    rooms: { rooms: rooms.all(), prefs: rooms.prefs() ?? null },
    reminders: {
      rules: reminders.rules(),
      preferences: { ...DEFAULT_REMINDER_PREFERENCES, ...reminders.preferences() },
      history: reminders.history(READ_LIMIT),
    },
    shareHistory: vault.shareHistory().list(),
    // Included, not left out: a draft is the person's own words held in the vault, and an export
    // of "everything" that silently dropped half-written entries would not be everything.
    drafts: vault.drafts().all(),
  };
  return fullExportSchema.parse(model);
}
