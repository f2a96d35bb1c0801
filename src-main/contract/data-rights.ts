import { z } from 'zod';
import { safetyPlanSchema } from './checkins';
import { CHECKIN_FREQUENCIES, ERASE_CONFIRMATION, NOTIFICATION_TARGETS, THEMES } from './plain';
import { courseProfileSchema, stepAnswersSchema } from './course';
import { stressEntrySchema } from './diary';
import { measureResultSchema } from './measures';
import { fileIdSchema, savedFileSchema } from './files';
import { reminderRuleSchema, quietHoursSchema } from './reminders';
import { roomPrefsSchema, roomSchema } from './rooms';
import { draftSchema } from './drafts';
import { filePassphraseSchema, shareHistoryEntrySchema } from './share';
import { thoughtRecordSchema } from './thoughts';

/*
 * The user's rights over their data: take everything away (one age-encrypted file holding
 * data.json and report.html) and erase everything. data.json is `fullExportSchema` below;
 * docs/full-export.schema.json is generated from it and docs/full-export.md explains it.
 */

export const FULL_EXPORT_FORMAT_NAME = 'stillroom-full-export';
/** Bump when a field changes meaning or goes away; adding a field keeps the version. */
export const FULL_EXPORT_FORMAT_VERSION = 1;

const time = z.string().describe('An ISO 8601 date and time.');
const nullableTime = time.nullable();

const checkinResultSchema = z
  .object({
    id: z.string(),
    measureId: z.string().describe('The questionnaire, such as "phq-9".'),
    measureName: z.string().describe('Its name as Stillroom shows it; the id when it is no longer shipped.'),
    takenAt: time,
    answers: z
      .record(z.string(), z.number())
      .describe('The answer to each item, by item id, as the value of the option chosen.'),
    result: measureResultSchema.describe('The scores and bands worked out from the answers.'),
  })
  .describe('One completed questionnaire.');

const courseAttemptSchema = z
  .object({
    moduleId: z.string(),
    attempt: z.number().int().describe('1 for the first time through; a redo is the next attempt.'),
    startedAt: time,
    completedAt: nullableTime,
  })
  .describe('One time through a course module.');

const courseStepSchema = z
  .object({
    moduleId: z.string(),
    attempt: z.number().int(),
    stepId: z.string(),
    startedAt: nullableTime,
    lastOpenedAt: nullableTime,
    completedAt: nullableTime,
    secondsSpent: z.number().int(),
    answers: stepAnswersSchema.nullable().describe("The exercise's answers, by field id."),
    answersUpdatedAt: nullableTime,
  })
  .describe('One step of one attempt: when it was opened and finished, the time spent and the answers.');

const libraryArticleSchema = z
  .object({
    articleId: z.string(),
    bookmarked: z.boolean(),
    readLater: z.boolean(),
    readAt: nullableTime,
  })
  .describe('What you did with one library article.');

const reminderPreferencesSchema = z.object({
  quietHours: quietHoursSchema.nullable(),
  pausedUntil: z.string().nullable().describe('A calendar date (YYYY-MM-DD), or null.'),
  snooze: z.object({ until: time, target: z.enum(NOTIFICATION_TARGETS) }).nullable(),
  monday: z.object({ enabled: z.boolean(), time: z.string(), startsOn: z.string().nullable() }),
  lastCheckedAt: nullableTime,
  remindWhileLocked: z.boolean(),
});

const reminderHistorySchema = z
  .object({
    id: z.string(),
    firedAt: time,
    target: z.enum(NOTIFICATION_TARGETS),
    coalesced: z.number().int().describe('How many missed reminders this one notification stood for.'),
    delivered: z.boolean(),
  })
  .describe('A reminder Stillroom showed.');

export const fullExportSchema = z
  .object({
    format: z.literal(FULL_EXPORT_FORMAT_NAME),
    version: z.literal(FULL_EXPORT_FORMAT_VERSION),
    createdAt: time,
    app: z.object({ name: z.string(), version: z.string() }),
    settings: z
      .object({
        theme: z.enum(THEMES),
        autoLockMinutes: z.number().int().describe('Minutes without use before Stillroom locks; 0 is never.'),
      })
      .describe('Your choices about how Stillroom looks and locks.'),
    diary: z.array(stressEntrySchema).describe('Every stress diary entry, oldest first.'),
    thoughtRecords: z.array(thoughtRecordSchema).describe('Every thought record, drafts too, oldest first.'),
    checkins: z.object({
      results: z.array(checkinResultSchema).describe('Every questionnaire taken, oldest first.'),
      plan: z
        .array(z.object({ measureId: z.string(), frequency: z.enum(CHECKIN_FREQUENCIES) }))
        .describe('Which check-ins you planned, and how often.'),
      safetyPlan: z
        .object({ plan: safetyPlanSchema, updatedAt: time })
        .nullable()
        .describe('Your personal safety plan, in your words; null if you have not written one.'),
    }),
    course: z.object({
      profile: courseProfileSchema.nullable().describe('What you told the course at the start.'),
      plan: z.array(z.string()).nullable().describe('Your module order, or null before the course began.'),
      attempts: z.array(courseAttemptSchema),
      steps: z.array(courseStepSchema),
    }),
    library: z.object({ articles: z.array(libraryArticleSchema) }),
    rooms: z.object({
      rooms: z
        .array(roomSchema)
        .describe('Every session room, with everything typed in it (parked thoughts, drafts, take-aways).'),
      prefs: roomPrefsSchema.nullable(),
    }),
    reminders: z.object({
      rules: z.array(reminderRuleSchema),
      preferences: reminderPreferencesSchema,
      history: z.array(reminderHistorySchema).describe('Reminders shown, newest first.'),
    }),
    shareHistory: z
      .array(shareHistoryEntrySchema)
      .describe('What you exported for a coach: when, for whom (your label) and how many items.'),
    drafts: z
      .array(draftSchema)
      .describe(
        'Forms you started and had not yet saved, one per form (key), with the text of each field as typed.',
      ),
  })
  .describe('Everything Stillroom keeps about you, as data.json inside a full export.');
export type FullExport = z.infer<typeof fullExportSchema>;

export const dataRightsCalls = {
  /** What the Settings card needs to explain the export and the erase. Needs the vault unlocked. */
  'data.overview': {
    input: z.object({}).strict(),
    output: z.object({
      dataDir: z.string(),
      backups: z.number().int(),
      safetyCopies: z.number().int(),
      /** How many files were exported for a coach: copies Stillroom cannot reach once sent. */
      sharedFiles: z.number().int(),
    }),
  },
  /**
   * Writes one age file (passphrase, scrypt work factor 18) holding data.json and report.html, to
   * a target from `files.chooseSave({ kind: 'full-export' })`: never inside the data folder, which
   * erasing everything empties (the browser host downloads it instead).
   */
  'data.exportAll': {
    input: z.object({ passphrase: filePassphraseSchema, target: fileIdSchema }).strict(),
    output: z.object({ file: savedFileSchema }),
  },
  /**
   * Erases the vault, its key, drafts, reminder times, settings and the page's storage, and
   * backups and safety copies when asked. Afterwards Stillroom starts as if new.
   */
  'data.eraseAll': {
    input: z
      .object({
        confirm: z.literal(ERASE_CONFIRMATION, `Type ${ERASE_CONFIRMATION} in capitals to confirm.`),
        backups: z.boolean(),
        safetyCopies: z.boolean(),
      })
      .strict(),
    output: z.object({
      /** What was removed, as plain words for the page to show. */
      erased: z.array(z.string()),
      /** What is still there because the user chose to keep it (backups, safety copies). */
      kept: z.array(z.string()),
    }),
  },
} as const;
