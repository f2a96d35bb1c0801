import { z } from 'zod';
import { isoDateTimeSchema as iso } from './primitives';
import {
  PRIVACY_KEY_MAX_LENGTH,
  parsePrivacyKey,
  ROOM_ADVANCES,
  ROOM_LENGTHS,
  ROOM_LIMITS,
  ROOM_PHASES,
  WIND_DOWN_MINUTES,
} from './rooms-plain';

/*
 * Session rooms: a full-screen place for a few minutes of the course, a diary entry or an
 * exercise, with an arrival and a wind-down either side. Everything a person types in a room is
 * saved as they go, so a crash, a lock or the privacy key never loses it.
 */

const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'Use an id of lower-case letters, digits and dashes.');

export const roomActivitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('diary') }).strict(),
  z.object({ kind: z.literal('thought-record') }).strict(),
  z.object({ kind: z.literal('checkin'), measureId: slug }).strict(),
  z.object({ kind: z.literal('breathing') }).strict(),
  z.object({ kind: z.literal('grounding') }).strict(),
  z.object({ kind: z.literal('course-step'), moduleId: slug, stepId: slug }).strict(),
  z.object({ kind: z.literal('article'), articleId: slug }).strict(),
]);
export type RoomActivity = z.infer<typeof roomActivitySchema>;

const lengthSchema = z.literal(ROOM_LENGTHS);
const windDownSchema = z.literal(WIND_DOWN_MINUTES);
const feelingSchema = z.number().int().min(1).max(5);

const draftSchema = z
  .record(z.string().max(ROOM_LIMITS.draftKey), z.string().max(ROOM_LIMITS.draftValue))
  .refine((draft) => Object.keys(draft).length <= ROOM_LIMITS.draftFields, 'The draft has too many parts.');

const parkedSchema = z.array(z.string().max(ROOM_LIMITS.parkedThought)).max(ROOM_LIMITS.parked);

export const PAUSE_REASONS = ['user', 'hidden', 'interrupted'] as const;
export const ROOM_OUTCOMES = ['finished', 'closed'] as const;

export const roomSchema = z.object({
  id: z.string(),
  phase: z.enum(ROOM_PHASES),
  plannedMinutes: z.number().int(),
  windDownMinutes: z.number().int(),
  intention: z.string(),
  parked: z.array(z.string()),
  arrivalRating: z.number().int().nullable(),
  activity: roomActivitySchema.nullable(),
  /** Whatever the open activity has typed so far, field by field, kept until the room ends. */
  draft: z.record(z.string(), z.string()),
  feelNowRating: z.number().int().nullable(),
  takeAway: z.string(),
  earlyExit: z.boolean(),
  pausedAt: z.string().nullable(),
  pauseReason: z.enum(PAUSE_REASONS).nullable(),
  /** Time given to the room so far, pauses left out. */
  activeMs: z.number().int(),
  startedAt: z.string(),
  phaseStartedAt: z.string(),
  /** The moment activeMs counts up to (the last sign of life while not paused). */
  lastActiveAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.enum(ROOM_OUTCOMES).nullable(),
});
export type Room = z.infer<typeof roomSchema>;

const roomId = z.uuid();

export const roomPrefsSchema = z.object({ privacyKey: z.string(), windDownMinutes: z.number().int() });
export type RoomPrefs = z.infer<typeof roomPrefsSchema>;

const privacyKeyInput = z
  .string()
  .max(PRIVACY_KEY_MAX_LENGTH)
  .superRefine((text, ctx) => {
    const parsed = parsePrivacyKey(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

export const roomUpdateSchema = z
  .object({
    id: roomId,
    plannedMinutes: lengthSchema.optional(),
    windDownMinutes: windDownSchema.optional(),
    intention: z.string().max(ROOM_LIMITS.intention).optional(),
    parked: parkedSchema.optional(),
    arrivalRating: feelingSchema.nullable().optional(),
    activity: roomActivitySchema.nullable().optional(),
    draft: draftSchema.optional(),
    feelNowRating: feelingSchema.nullable().optional(),
    takeAway: z.string().max(ROOM_LIMITS.takeAway).optional(),
  })
  .strict();
export type RoomUpdate = z.output<typeof roomUpdateSchema>;

const roomRecordSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  minutes: z.number().int(),
  activityKind: z.string().nullable(),
  arrivalRating: z.number().int().nullable(),
  feelNowRating: z.number().int().nullable(),
  takeAway: z.string(),
  outcome: z.enum(ROOM_OUTCOMES).nullable(),
});
export type RoomRecord = z.infer<typeof roomRecordSchema>;

export const roomCalls = {
  /** The open room, if any (recovered after a crash or a lock); `closed` is one that recovery just closed. */
  'rooms.current': {
    input: z.object({}).strict(),
    output: z.object({ room: roomSchema.nullable(), closed: roomSchema.nullable() }),
  },
  /** Opens a room at arrival; refused with `conflict` while another is open. */
  'rooms.start': {
    input: z
      .object({ plannedMinutes: lengthSchema.default(5), activity: roomActivitySchema.optional() })
      .strict(),
    output: roomSchema,
  },
  /** Saves what was typed as it is typed; sent with only the id, it is a sign of life. */
  'rooms.update': { input: roomUpdateSchema, output: roomSchema },
  'rooms.advance': {
    input: z.object({ id: roomId, action: z.enum(ROOM_ADVANCES) }).strict(),
    output: roomSchema,
  },
  /** Back to work: ends the room from its wind-down and hands back the parked thoughts. */
  'rooms.finish': {
    input: z.object({ id: roomId }).strict(),
    output: z.object({ room: roomSchema, handBack: z.array(z.string()) }),
  },
  /** The user's own record of time in rooms and how they felt, for their progress view only. */
  'rooms.summary': {
    input: z.object({ since: iso.optional(), limit: z.number().int().min(1).max(100).default(10) }).strict(),
    output: z.object({
      count: z.number().int(),
      totalMinutes: z.number().int(),
      /** Rooms with both ratings: how many felt better, the same, or worse at the end. */
      better: z.number().int(),
      same: z.number().int(),
      worse: z.number().int(),
      recent: z.array(roomRecordSchema),
    }),
  },
  'rooms.getPrefs': { input: z.object({}).strict(), output: roomPrefsSchema },
  'rooms.setPrefs': {
    input: z
      .object({ privacyKey: privacyKeyInput.optional(), windDownMinutes: windDownSchema.optional() })
      .strict(),
    output: roomPrefsSchema,
  },
} as const;
