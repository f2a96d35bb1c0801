import { z } from 'zod';
import { calendarDateSchema } from './primitives';
import { fileIdSchema, savedFileSchema } from './files';
import { mondayMessageSchema } from './library-content';
import { NOTIFICATION_TARGETS, REMINDER_TARGETS, SNOOZE_CHOICES, WEEKDAYS } from './plain';

export type ReminderTarget = (typeof REMINDER_TARGETS)[number];
export type NotificationTarget = (typeof NOTIFICATION_TARGETS)[number];
export type Weekday = (typeof WEEKDAYS)[number];
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** A wall-clock time of day, "09:30". Reminders follow the clock on the wall wherever the user is. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30 (24-hour clock).');

export const reminderFrequencySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('weekly'),
      days: z
        .array(z.enum(WEEKDAYS))
        .min(1, 'Choose at least one day.')
        .max(7)
        .refine((days) => new Set(days).size === days.length, 'Each day once, please.'),
    })
    .strict(),
  z.object({ kind: z.literal('weekdays') }).strict(),
  z.object({ kind: z.literal('interval'), everyDays: z.number().int().min(1).max(365) }).strict(),
]);
export type ReminderFrequency = z.output<typeof reminderFrequencySchema>;

/** What the user sets; the label is theirs, kept in the vault, never shown in a notification. */
export const reminderRuleInputSchema = z
  .object({
    /** Present when editing a rule. */
    id: z.string().uuid().optional(),
    label: z.string().trim().max(80).default(''),
    target: z.enum(REMINDER_TARGETS),
    frequency: reminderFrequencySchema,
    time: clockTimeSchema,
    /** The first day it may fire; today when left out. */
    startDate: calendarDateSchema.optional(),
    endDate: calendarDateSchema.nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((rule) => !rule.endDate || !rule.startDate || rule.endDate >= rule.startDate, {
    message: 'The end date is before the start date.',
    path: ['endDate'],
  });
export type ReminderRuleInput = z.output<typeof reminderRuleInputSchema>;

export const reminderRuleSchema = z.object({
  id: z.string(),
  label: z.string(),
  target: z.enum(REMINDER_TARGETS),
  frequency: reminderFrequencySchema,
  time: clockTimeSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema.nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReminderRule = z.output<typeof reminderRuleSchema>;

export const quietHoursSchema = z.object({ start: clockTimeSchema, end: clockTimeSchema }).strict();
export type QuietHours = z.output<typeof quietHoursSchema>;

const snoozeSchema = z.object({ until: z.string(), target: z.enum(NOTIFICATION_TARGETS) });
export type Snooze = z.output<typeof snoozeSchema>;

const remindersOverviewSchema = z.object({
  /** The IANA time zone the times below are shown in (the computer's current zone). */
  zone: z.string(),
  rules: z.array(reminderRuleSchema.extend({ nextAt: z.string().nullable() })),
  quietHours: quietHoursSchema.nullable(),
  /** Nothing fires before this day (a holiday); null when not paused. */
  pausedUntil: calendarDateSchema.nullable(),
  /** The next times (only the times) are kept outside the vault so reminders come while locked. */
  remindWhileLocked: z.boolean(),
  /**
   * Whether the user has answered "may reminders come while Stillroom is locked?" (asked once,
   * when there is a first reminder; any choice of remindWhileLocked is an answer).
   */
  lockedQuestionAnswered: z.boolean(),
  snooze: snoozeSchema.nullable(),
  /** The next few notifications, quiet hours and pause already applied. */
  upcoming: z.array(z.object({ at: z.string(), target: z.enum(NOTIFICATION_TARGETS) })),
  history: z.array(
    z.object({
      id: z.string(),
      firedAt: z.string(),
      target: z.enum(NOTIFICATION_TARGETS),
      /** How many planned times this one notification stood for (more than one after sleep). */
      coalesced: z.number().int(),
      /** False when the system had no way to show it (it is still listed here). */
      delivered: z.boolean(),
    }),
  ),
  launchAtLogin: z.object({ available: z.boolean(), enabled: z.boolean() }),
});
export type RemindersOverview = z.output<typeof remindersOverviewSchema>;

const mondayOutputSchema = z.object({
  enabled: z.boolean(),
  time: clockTimeSchema,
  /** The first Monday on or after opting in: week 1. Null when not opted in. */
  startsOn: calendarDateSchema.nullable(),
  /** This week's place in the series (1–52, then round again); null before the first Monday. */
  week: z.number().int().min(1).max(52).nullable(),
  /** This week's message; null before the first Monday, or if it is not installed. */
  message: mondayMessageSchema.nullable(),
  /** How many messages are installed (52 when complete). */
  available: z.number().int(),
});
export type MondayOverview = z.output<typeof mondayOutputSchema>;

const noInput = z.object({}).strict();

export const reminderCalls = {
  'reminders.get': { input: noInput, output: remindersOverviewSchema },
  'reminders.saveRule': { input: reminderRuleInputSchema, output: remindersOverviewSchema },
  'reminders.deleteRule': {
    input: z.object({ id: z.string().uuid() }).strict(),
    output: remindersOverviewSchema,
  },
  'reminders.setPreferences': {
    input: z
      .object({
        quietHours: quietHoursSchema.nullable().optional(),
        pausedUntil: calendarDateSchema.nullable().optional(),
        remindWhileLocked: z.boolean().optional(),
      })
      .strict(),
    output: remindersOverviewSchema,
  },
  'reminders.snooze': {
    input: z.object({ choice: z.enum(SNOOZE_CHOICES), target: z.enum(NOTIFICATION_TARGETS) }).strict(),
    output: remindersOverviewSchema,
  },
  'reminders.exportIcs': {
    input: z
      .object({
        ruleId: z.string().uuid(),
        /** The event's title in the work calendar: neutral by default, the user may change it. */
        title: z.string().trim().min(1).max(60).default('Focus time'),
        minutes: z.number().int().min(5).max(240).default(20),
        /** From `files.chooseSave` with kind "calendar". */
        target: fileIdSchema,
      })
      .strict(),
    output: z.object({ file: savedFileSchema }),
  },
  'reminders.setLaunchAtLogin': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: remindersOverviewSchema,
  },
  'monday.get': { input: noInput, output: mondayOutputSchema },
  'monday.setPreferences': {
    input: z.object({ enabled: z.boolean(), time: clockTimeSchema.optional() }).strict(),
    output: mondayOutputSchema,
  },
} as const;
