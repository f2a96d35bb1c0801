import { z } from 'zod';
import { focusAreaSchema, type CourseModule, type CourseStep } from './course-content';
import type { Markdown } from './markdown';
import { MODULE_IDS, moduleIdSchema } from './measures';
import type { FOCUS_AREAS } from './plain';
import { COURSE_SUPPORT_KINDS, COURSE_WEEKLY_MINUTES } from './plain';

/*
 * The course calls: the module content (with its Markdown parsed in main), the user's progress,
 * answers, onboarding profile and plan. Everything personal here lives only in the vault.
 */

export type ModuleId = (typeof MODULE_IDS)[number];
export type FocusArea = (typeof FOCUS_AREAS)[number];
export type CourseSupport = (typeof COURSE_SUPPORT_KINDS)[number];
export type PssBand = 'low' | 'moderate' | 'high';

const isoTime = z.string();
const stepId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use a step id such as "stress-signature".');

/**
 * One answer: text (text fields), a number (scales), an option id (single choice, quiz) or a list
 * of short strings (list fields, multiple choice). Checked against the step's fields in core.
 */
export const answerValueSchema = z.union([
  z.string().max(4000),
  z.number().finite(),
  z.array(z.string().max(500)).max(12),
]);
export const stepAnswersSchema = z
  .record(z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use a field id such as "first-sign".'), answerValueSchema)
  .refine((answers) => Object.keys(answers).length <= 12, 'A step has at most 12 answers.');
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type StepAnswers = Record<string, AnswerValue>;

/** The onboarding answers as the user gives them. The baseline is a real PSS-10 result, or none. */
export const courseProfileInputSchema = z
  .object({
    focusAreas: z
      .array(focusAreaSchema)
      .max(8)
      .refine((areas) => new Set(areas).size === areas.length, 'Each focus area can be chosen once.'),
    minutesPerWeek: z
      .number()
      .refine(
        (m) => (COURSE_WEEKLY_MINUTES as readonly number[]).includes(m),
        'Choose 10, 20, 30 or 60 minutes.',
      ),
    /** The id of a PSS-10 result just taken in onboarding; null when the user skipped it. */
    baselineResultId: z.uuid('Use the id of a stress check result.').nullable(),
    // A message of its own: zod's would list the options, repeating what the caller sent.
    support: z.enum(COURSE_SUPPORT_KINDS, { error: 'Choose one of the three kinds of support.' }),
  })
  .strict();
export type CourseProfileInput = z.infer<typeof courseProfileInputSchema>;

export const courseProfileSchema = z.object({
  focusAreas: z.array(focusAreaSchema),
  minutesPerWeek: z.number(),
  support: z.enum(COURSE_SUPPORT_KINDS),
  /** From the PSS-10 result the user took; null when they skipped it (never a made-up score). */
  baseline: z
    .object({ resultId: z.string(), takenAt: isoTime, band: z.enum(['low', 'moderate', 'high']) })
    .nullable(),
  updatedAt: isoTime,
});
export type CourseProfile = z.infer<typeof courseProfileSchema>;

export const recommendationSchema = z.object({
  /** Core modules in the suggested order, with the suggested optional modules placed among them. */
  order: z.array(moduleIdSchema),
  /** Optional modules suggested, each with the reason in plain words. */
  suggestedOptional: z.array(z.object({ moduleId: moduleIdSchema, reason: z.string() })),
  /** 'quick' or 'mixed' when the stated time is short: some or all modules follow their 5-minute route. */
  route: z.enum(['full', 'mixed', 'quick']),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const weekPlanSchema = z.object({
  week: z.number().int(),
  items: z.array(
    z.object({
      moduleId: moduleIdSchema,
      route: z.enum(['full', 'quick']),
      minutes: z.number(),
      continued: z.boolean(),
    }),
  ),
  minutes: z.number(),
});
export type WeekPlan = z.infer<typeof weekPlanSchema>;

export const moduleStatusSchema = z.enum(['done', 'in-progress', 'to-do']);
export type ModuleStatus = z.infer<typeof moduleStatusSchema>;

export const moduleProgressSchema = z.object({
  moduleId: moduleIdSchema,
  number: z.number(),
  title: z.string(),
  summary: z.string(),
  core: z.boolean(),
  inPlan: z.boolean(),
  status: moduleStatusSchema,
  /** 1 the first time through; a redo starts the next attempt. */
  attempt: z.number().int(),
  /** How many times the module has been finished, over all attempts. */
  timesDone: z.number().int(),
  stepCount: z.number().int(),
  stepsDone: z.number().int(),
  /** Estimates from the content: the sum of the steps' minutes, and of the 5-minute route. */
  minutes: z.number(),
  quickMinutes: z.number(),
  minutesLeft: z.number(),
  secondsSpent: z.number(),
});
export type ModuleProgress = z.infer<typeof moduleProgressSchema>;

export const continueTargetSchema = z.object({
  moduleId: moduleIdSchema,
  moduleTitle: z.string(),
  stepId: z.string(),
  stepTitle: z.string(),
  minutes: z.number(),
  /** True when the user has been in this module before ("Continue"), false for a fresh start. */
  resumed: z.boolean(),
});
export type ContinueTarget = z.infer<typeof continueTargetSchema>;

const overviewSchema = z.object({
  profile: courseProfileSchema.nullable(),
  recommendation: recommendationSchema.nullable(),
  /** The user's plan: module ids in their order. Modules not in it can still be opened. */
  plan: z.array(moduleIdSchema),
  modules: z.array(moduleProgressSchema),
  totals: z.object({
    modulesDone: z.number(),
    modulesInPlan: z.number(),
    secondsSpent: z.number(),
    minutesLeft: z.number(),
  }),
  weeks: z.array(weekPlanSchema),
  next: continueTargetSchema.nullable(),
});
export type CourseOverview = z.infer<typeof overviewSchema>;

/**
 * A diary-shaped step's answers live twice, on purpose: the course keeps them (to show the step
 * again and for a redo) and finishing the step writes them to the diary as a real entry, whose id
 * and time the step keeps here. The diary's copy is the person's from then on: editing or
 * deleting it there leaves the course answers alone; finishing the step again updates it.
 */
export const diaryLinkSchema = z.object({
  kind: z.enum(['stress', 'thought']),
  id: z.string(),
  occurredAt: isoTime,
});
export type DiaryLink = z.infer<typeof diaryLinkSchema>;

export const stepProgressSchema = z.object({
  startedAt: isoTime.nullable(),
  completedAt: isoTime.nullable(),
  secondsSpent: z.number(),
  answers: stepAnswersSchema.nullable(),
  answersUpdatedAt: isoTime.nullable(),
  /** The answers from the latest earlier attempt (a redo shows them, to keep or change). */
  previousAnswers: stepAnswersSchema.nullable(),
  /** The diary entry or thought record this attempt's answers were written to, once finished. */
  diaryLink: diaryLinkSchema.nullable(),
});
export type StepProgress = z.infer<typeof stepProgressSchema>;

/** A step as the page gets it: the content with its Markdown body already parsed. */
export type CourseStepView = CourseStep extends infer Step
  ? Step extends CourseStep
    ? Omit<Step, 'body'> & { body: Markdown; progress: StepProgress }
    : never
  : never;
export type CourseModuleView = Omit<CourseModule, 'steps'> & { steps: CourseStepView[] };

const moduleViewSchema = z.custom<CourseModuleView>(
  (value) => typeof value === 'object' && value !== null && 'steps' in value,
);

const moduleOutput = z.object({
  module: moduleViewSchema,
  progress: moduleProgressSchema,
  /** The related library articles with their titles (the id where the library has no title). */
  articles: z.array(z.object({ id: z.string(), title: z.string() })),
});

const ref = { moduleId: moduleIdSchema, stepId };

export const courseCalls = {
  'course.overview': { input: z.object({}).strict(), output: overviewSchema },
  'course.module': { input: z.object({ moduleId: moduleIdSchema }).strict(), output: moduleOutput },
  /** The user opened a step: "continue where you left off" follows this. */
  'course.openStep': { input: z.object(ref).strict(), output: stepProgressSchema },
  'course.saveAnswers': {
    input: z.object({ ...ref, answers: stepAnswersSchema }).strict(),
    output: stepProgressSchema,
  },
  'course.completeStep': {
    input: z
      .object({
        ...ref,
        /** Time on the step since it was last recorded, measured by the page (capped). */
        secondsSpent: z
          .number()
          .int()
          .min(0)
          .max(4 * 3600),
      })
      .strict(),
    output: stepProgressSchema,
  },
  /** Time on a step the user left without finishing it (finishing records its own). */
  'course.recordTime': {
    input: z
      .object({
        ...ref,
        secondsSpent: z
          .number()
          .int()
          .min(1)
          .max(4 * 3600),
      })
      .strict(),
    output: stepProgressSchema,
  },
  'course.finishModule': { input: z.object({ moduleId: moduleIdSchema }).strict(), output: moduleOutput },
  'course.restartModule': { input: z.object({ moduleId: moduleIdSchema }).strict(), output: moduleOutput },
  'course.getProfile': {
    input: z.object({}).strict(),
    output: z.object({
      profile: courseProfileSchema.nullable(),
      recommendation: recommendationSchema.nullable(),
    }),
  },
  'course.saveProfile': { input: courseProfileInputSchema, output: overviewSchema },
  'course.setPlan': {
    input: z.object({ order: z.array(moduleIdSchema).min(1).max(MODULE_IDS.length) }).strict(),
    output: overviewSchema,
  },
} as const;
