import { z } from 'zod';
import { calendarDateSchema, isoDateTimeSchema, measureIdSchema } from './primitives';
import { THOUGHT_LIMITS } from './thoughts';
import { fileIdSchema, savedFileSchema } from './files';
import { policySchema } from './policy';
import { SHARE_PASSPHRASE_MIN_LENGTH, SHARE_STAGES, SUPPORT_PREFERENCES } from './plain';

/*
 * Sharing with a coach. The user chooses items one by one (nothing is chosen for them), previews
 * the report, and exports one age-encrypted file holding `report.html` and `data.json`. The
 * shape of `data.json` is `shareDataSchema` below; docs/share-format.md describes every field.
 */

export type SupportPreference = (typeof SUPPORT_PREFERENCES)[number];
export type ShareStage = (typeof SHARE_STAGES)[number];

/** Bump when a field of data.json changes meaning or goes away; adding a field keeps the version. */
export const SHARE_FORMAT_VERSION = 1;
export const SHARE_FORMAT_NAME = 'stillroom-share';
export const SHARE_FILE_EXTENSION = '.age';
// Kept in plain.ts so the page can say "too easy to guess" by the same rule the Api refuses.
export { SHARE_PASSPHRASE_MIN_LENGTH };
/** age's scrypt work factor Stillroom writes: 2^18, what the age CLI itself uses. */
export const SHARE_SCRYPT_WORK_FACTOR = 18;
/** The largest work factor the coach view accepts (age's own limit), so a file cannot make it spin. */
export const SHARE_SCRYPT_MAX_WORK_FACTOR = 20;

/** The note to the coach, as typed and as read back from a file. */
export const SHARE_NOTE_MAX_LENGTH = 4000;

const id = z.string().min(1).max(100);
const ids = (max: number) => z.array(id).max(max).default([]);

/** Exactly what the user ticked. Empty lists mean "none of these", never "all". */
export const shareSelectionSchema = z
  .object({
    diaryEntryIds: ids(5000),
    thoughtRecordIds: ids(5000),
    checkinResultIds: ids(2000),
    /** Questionnaires whose whole trend (every result over time) is shared as a chart. */
    trendMeasureIds: z.array(measureIdSchema).max(20).default([]),
    /** Course modules whose progress is shared. */
    courseModuleIds: ids(20),
    /** Course exercise answers, by the id the course gives them. */
    courseAnswerIds: ids(2000),
    note: z.string().max(SHARE_NOTE_MAX_LENGTH).default(''),
    supportPreference: z.enum(SUPPORT_PREFERENCES).nullable().default(null),
  })
  .strict();
export type ShareSelection = z.output<typeof shareSelectionSchema>;

// ---- data.json ----------------------------------------------------------------------------------

/*
 * A shared file comes from someone else, so every field is bounded here: a time that is not a
 * real moment threw in the coach view's date formatting, scores of 1e308 drew Infinity into the
 * chart, and a 40 MB note went to the page in one answer. The limits are those of what Stillroom
 * itself lets a person write (contract/diary.ts, thoughts.ts), with room to spare for labels.
 */
const text = (max: number) => z.string().max(max);
const name = text(200);
const shareId = text(100);
/** A real moment: ISO 8601 with its offset, on a day that exists. */
const moment = isoDateTimeSchema.refine(
  (value) => calendarDateSchema.safeParse(value.slice(0, 10)).success && !Number.isNaN(Date.parse(value)),
  'Not a real time.',
);
/** Questionnaire scores and their ranges are small numbers; nothing near the float limits. */
const scoreValue = z.number().finite().min(-10_000).max(10_000);
const count = z.number().int().min(0).max(10_000);
const rating = z.number().int().min(0).max(100).nullable();
const emotion = z.object({ name: text(THOUGHT_LIMITS.emotionName), intensity: rating });

export const shareDiaryEntrySchema = z.object({
  id: shareId,
  occurredAt: moment,
  stress: z.number().int().min(0).max(10),
  what: text(4000),
  body: text(2000),
  thoughts: text(4000),
  actions: text(4000),
});

export const shareThoughtRecordSchema = z.object({
  id: shareId,
  occurredAt: moment,
  status: z.enum(['draft', 'complete']),
  situation: text(THOUGHT_LIMITS.situation),
  automaticThoughts: z
    .array(z.object({ text: text(THOUGHT_LIMITS.thoughtText), belief: rating }))
    .max(THOUGHT_LIMITS.automaticThoughts),
  emotions: z.array(emotion).max(THOUGHT_LIMITS.emotions),
  thinkingTraps: z.array(z.object({ id: shareId, name })).max(THOUGHT_LIMITS.thinkingTraps),
  evidenceFor: text(THOUGHT_LIMITS.evidence),
  evidenceAgainst: text(THOUGHT_LIMITS.evidence),
  balancedThought: text(THOUGHT_LIMITS.balancedThought),
  rerated: z.object({ belief: rating, emotions: z.array(emotion).max(THOUGHT_LIMITS.emotions) }),
});

const shareScaleSchema = z.object({
  scaleId: shareId,
  label: name,
  score: scoreValue,
  min: scoreValue,
  max: scoreValue,
  band: name,
  primary: z.boolean(),
});

export const shareCheckinSchema = z.object({
  id: shareId,
  measureId: shareId,
  measureName: name,
  takenAt: moment,
  scales: z.array(shareScaleSchema).max(10),
});

export const shareTrendSchema = z.object({
  measureId: shareId,
  measureName: name,
  scaleLabel: name,
  min: scoreValue,
  max: scoreValue,
  points: z.array(z.object({ takenAt: moment, score: scoreValue, band: name })).max(5000),
});

export const shareCourseModuleSchema = z.object({
  moduleId: shareId,
  title: name,
  completedSteps: count,
  totalSteps: count,
  completedAt: moment.nullable(),
});

export const shareCourseAnswerSchema = z.object({
  id: shareId,
  moduleId: shareId,
  moduleTitle: name,
  prompt: text(1000),
  answer: text(10_000),
  answeredAt: moment,
});

export const shareDataSchema = z.object({
  format: z.literal(SHARE_FORMAT_NAME),
  version: z.literal(SHARE_FORMAT_VERSION),
  createdAt: moment,
  app: z.object({ name: name, version: text(40) }),
  note: text(SHARE_NOTE_MAX_LENGTH),
  supportPreference: z.enum(SUPPORT_PREFERENCES).nullable(),
  diary: z.array(shareDiaryEntrySchema).max(5000),
  thoughtRecords: z.array(shareThoughtRecordSchema).max(5000),
  checkins: z.array(shareCheckinSchema).max(2000),
  trends: z.array(shareTrendSchema).max(20),
  course: z.object({
    modules: z.array(shareCourseModuleSchema).max(20),
    answers: z.array(shareCourseAnswerSchema).max(2000),
  }),
});
export type ShareData = z.infer<typeof shareDataSchema>;
export type ShareCourseModule = z.infer<typeof shareCourseModuleSchema>;
export type ShareCourseAnswer = z.infer<typeof shareCourseAnswerSchema>;

// ---- calls --------------------------------------------------------------------------------------

/** How many of each kind went into one export: enough to remember what was shared. */
export const shareCountsSchema = z.object({
  diaryEntries: z.number().int(),
  thoughtRecords: z.number().int(),
  checkins: z.number().int(),
  trends: z.number().int(),
  courseModules: z.number().int(),
  courseAnswers: z.number().int(),
  note: z.boolean(),
  supportPreference: z.boolean(),
});
export type ShareCounts = z.infer<typeof shareCountsSchema>;

export const shareHistoryEntrySchema = z.object({
  id: z.string(),
  exportedAt: z.string(),
  /** Who it was for, as the user typed it ("Sam, my coach"). Never the passphrase. */
  recipientLabel: z.string(),
  method: z.enum(['passphrase', 'recipient']),
  fileName: z.string(),
  counts: shareCountsSchema,
});
export type ShareHistoryEntry = z.infer<typeof shareHistoryEntrySchema>;

const recipientLabel = z.string().trim().min(1, 'Say who this is for, such as "Sam, my coach".').max(120);

/** A passphrase for an exported file (coach share, full export): long, as it guards a file that travels. */
export const filePassphraseSchema = z
  .string()
  .min(
    SHARE_PASSPHRASE_MIN_LENGTH,
    `Use at least ${SHARE_PASSPHRASE_MIN_LENGTH} characters, or the suggested passphrase.`,
  )
  .max(500);

export const shareProtectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('passphrase'),
      passphrase: filePassphraseSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('recipient'),
      /** A coach's age public key. */
      recipient: z
        .string()
        .trim()
        .regex(
          /^age1[02-9ac-hj-np-z]{58}$/,
          'Use the age public key your coach gave you: it starts with "age1".',
        ),
    })
    .strict(),
]);

export const shareSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), passphrase: z.string().min(1).max(500) }).strict(),
  z
    .object({
      kind: z.literal('identity'),
      identity: z
        .string()
        .trim()
        .regex(
          /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/,
          'Use an age secret key: it starts with "AGE-SECRET-KEY-1".',
        ),
    })
    .strict(),
]);

const exportId = z.uuid();

const sourceItem = z.object({ id: z.string(), occurredAt: z.string(), title: z.string() });

export const shareCalls = {
  /** Everything the user could choose from, newest first, with the coach named in IT policy. */
  'share.sources': {
    input: z.object({}).strict(),
    output: z.object({
      diary: z.array(sourceItem.extend({ stress: z.number().int() })),
      thoughts: z.array(sourceItem.extend({ status: z.enum(['draft', 'complete']) })),
      checkins: z.array(sourceItem.extend({ measureId: z.string(), score: z.string() })),
      trends: z.array(z.object({ measureId: z.string(), name: z.string(), results: z.number().int() })),
      course: z.object({
        modules: z.array(z.object({ moduleId: z.string(), title: z.string(), summary: z.string() })),
        answers: z.array(sourceItem.extend({ moduleTitle: z.string() })),
      }),
      coach: policySchema.shape.coach.unwrap().nullable(),
      /** False when IT policy turns exports off. */
      exportAllowed: z.boolean(),
    }),
  },
  /** The export model for a selection, exactly what data.json (and so the report) will hold. */
  'share.preview': { input: shareSelectionSchema, output: z.object({ data: shareDataSchema }) },
  /** A speakable passphrase of random words, with its strength. */
  'share.suggestPassphrase': {
    input: z.object({}).strict(),
    output: z.object({ passphrase: z.string(), words: z.number().int(), bits: z.number().int() }),
  },
  /**
   * Builds, encrypts and writes the file, emitting `share.progress` for `exportId`. A cancelled
   * export leaves no file behind and records nothing in the history.
   */
  'share.export': {
    input: z
      .object({
        exportId,
        selection: shareSelectionSchema,
        protection: shareProtectionSchema,
        recipientLabel,
        /** Where the user chose to save it (`files.chooseSave` with kind "share"). */
        target: fileIdSchema,
      })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('done'),
        file: savedFileSchema,
        /** Null when Stillroom locked while the file was being written: the file is fine, unrecorded. */
        entry: shareHistoryEntrySchema.nullable(),
      }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  'share.cancel': { input: z.object({ exportId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'share.history': {
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(shareHistoryEntrySchema) }),
  },
  'share.clearHistory': {
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(shareHistoryEntrySchema) }),
  },
  /** Coach view: decrypts a shared file for reading. Nothing of it is stored anywhere. */
  'share.open': {
    /** `file` from `files.chooseOpen` with kind "share". */
    input: z.object({ file: fileIdSchema, secret: shareSecretSchema }).strict(),
    output: z.object({ data: shareDataSchema }),
  },
} as const;

export const shareProgressSchema = z.object({
  exportId: z.string(),
  stage: z.enum(SHARE_STAGES),
  /** 0 to 1, for a progress bar. */
  fraction: z.number().min(0).max(1),
});
