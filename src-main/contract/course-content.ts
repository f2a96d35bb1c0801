import { z } from 'zod';
import { slugSchema as slug } from './primitives';
import { moduleIdSchema } from './measures';
import { FOCUS_AREAS } from './plain';

/** Where a diary-shaped exercise writes when it is finished. */
export const DIARY_DESTINATIONS = ['stress-diary', 'thought-record'] as const;
export type DiaryDestination = (typeof DIARY_DESTINATIONS)[number];

/*
 * The course as content: one JSON file per module in content/program/modules/ (m1.json …
 * m10.json), validated by `courseModuleSchema` at build (tests) and at load (infra). A writer
 * changes the course by editing these files, never TypeScript.
 *
 * Text fields marked "Markdown" use a small subset: paragraphs, **bold**, *italic*, bullet and
 * numbered lists, and links to https:// addresses. Nothing else is rendered.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const markdown = (max: number) => z.string().trim().min(1).max(max);

/** Article ids are data (a content pack may add articles); tests check that every one resolves. */
export const articleIdSchema = slug('article ids');
export const focusAreaSchema = z.enum(FOCUS_AREAS);

/** Minutes, in halves: "about 2 minutes" is honest; "2.37" would not be. */
const minutes = z
  .number()
  .min(0.5)
  .max(30)
  .refine((m) => Number.isInteger(m * 2), 'Give minutes in whole or half minutes.');

/** One thing the user fills in. Answers are saved, encrypted, and shown again on revisit. */
export const exerciseFieldSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('text'),
      id: slug('field ids'),
      label: text(200),
      hint: text(300).optional(),
      /** Lines in the text box: 1 for a short answer, more for a paragraph. */
      lines: z.number().int().min(1).max(12).default(3),
      optional: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      type: z.literal('list'),
      id: slug('field ids'),
      label: text(200),
      hint: text(300).optional(),
      /** How many short items the user can add (e.g. three good things). */
      maxItems: z.number().int().min(1).max(12),
      optional: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      type: z.literal('scale'),
      id: slug('field ids'),
      label: text(200),
      hint: text(300).optional(),
      min: z.number().int().min(0).max(10),
      max: z.number().int().min(1).max(100),
      minLabel: text(60),
      maxLabel: text(60),
      optional: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      type: z.literal('choice'),
      id: slug('field ids'),
      label: text(200),
      hint: text(300).optional(),
      options: z
        .array(z.object({ id: slug('option ids'), label: text(120) }).strict())
        .min(2)
        .max(12),
      /** Several options may be picked (checkboxes) rather than one (radio buttons). */
      multiple: z.boolean().default(false),
      optional: z.boolean().default(false),
    })
    .strict(),
]);

export const quizQuestionSchema = z
  .object({
    id: slug('question ids'),
    prompt: text(300),
    options: z
      .array(
        z
          .object({
            id: slug('option ids'),
            label: text(200),
            /** Shown after the user answers: why this is (or is not) the best answer. Kind. */
            feedback: text(400),
          })
          .strict(),
      )
      .min(2)
      .max(6),
    /** The best answer's option id. A self-check: never scored publicly, never graded. */
    best: slug('option ids'),
  })
  .strict();

const stepBase = {
  id: slug('step ids'),
  title: text(100),
  minutes,
  /** Markdown: what the user reads on this step (psychoeducation, instructions). */
  body: markdown(6000),
  /** Part of the module's 5-minute route: a short version for a busy day. */
  quick: z.boolean().default(false),
};

export const courseStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('read'), ...stepBase }).strict(),
  z
    .object({
      kind: z.literal('exercise'),
      ...stepBase,
      /** One sentence before asking for effort: why this exercise helps. */
      why: text(300),
      /**
       * The exercise is a diary entry in course form: finishing it writes a real stress diary
       * entry or thought record (core/course/diary-steps.ts maps the fields), linked to the step.
       */
      savesTo: z.enum(DIARY_DESTINATIONS).optional(),
      fields: z.array(exerciseFieldSchema).min(1).max(12),
    })
    .strict(),
  z
    .object({
      kind: z.literal('reflection'),
      ...stepBase,
      why: text(300),
      fields: z.array(exerciseFieldSchema).min(1).max(6),
    })
    .strict(),
  z
    .object({
      kind: z.literal('quiz'),
      ...stepBase,
      questions: z.array(quizQuestionSchema).min(1).max(8),
    })
    .strict(),
  z
    .object({
      kind: z.literal('audio'),
      ...stepBase,
      /**
       * The narration, read aloud by the system's speech voices where available and always shown
       * as a transcript. Each line is spoken, then followed by `pauseSeconds` of quiet.
       */
      script: z
        .array(z.object({ text: text(600), pauseSeconds: z.number().min(0).max(60).default(2) }).strict())
        .min(3)
        .max(80),
      /** The breathing/pacing animation shown while it plays (seconds per phase; 0 skips). */
      pacer: z
        .object({
          inhale: z.number().min(0).max(10),
          hold: z.number().min(0).max(10),
          exhale: z.number().min(0).max(10),
          rest: z.number().min(0).max(10),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('animation'),
      ...stepBase,
      /** Which of the app's built-in animations to play. */
      animation: z.enum(['stress-curve', 'cbt-cycle', 'circle-of-control', 'worry-tree']),
      /**
       * The animation's captions in order: the same story in words, always on screen, so the
       * step works with reduced motion and with a screen reader.
       */
      frames: z
        .array(z.object({ caption: text(400) }).strict())
        .min(2)
        .max(10),
    })
    .strict(),
]);

export const courseModuleSchema = z
  .object({
    id: moduleIdSchema,
    /** 1–10, the order CONTENT.md lists the modules in. */
    number: z.number().int().min(1).max(10),
    title: text(80),
    core: z.boolean(),
    /** One or two sentences: what this module is about and what the user will do. */
    summary: text(400),
    /** Focus areas (from onboarding) this module helps with, for tailoring the order. */
    focusAreas: z.array(focusAreaSchema).min(1).max(4),
    steps: z.array(courseStepSchema).min(3).max(6),
    /** The one thing to keep, shown at the end of the module and offered in a room's wind-down. */
    takeaway: text(300),
    /** Library articles to read next. */
    articles: z.array(articleIdSchema).min(1).max(6),
  })
  .strict()
  .superRefine((module, ctx) => {
    const seen = new Set<string>();
    module.steps.forEach((step, index) => {
      if (seen.has(step.id))
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: 'Two steps share this id.' });
      seen.add(step.id);
      if ((step.kind === 'exercise' || step.kind === 'reflection') && hasDuplicateFieldIds(step.fields))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'fields'],
          message: 'Two fields share an id.',
        });
      if (step.kind === 'quiz')
        step.questions.forEach((question, q) => {
          if (!question.options.some((option) => option.id === question.best))
            ctx.addIssue({
              code: 'custom',
              path: ['steps', index, 'questions', q, 'best'],
              message: 'The best answer must be one of the options.',
            });
        });
    });
    const quick = module.steps.filter((step) => step.quick);
    const quickMinutes = quick.reduce((sum, step) => sum + step.minutes, 0);
    if (quick.length === 0 || quickMinutes > 5)
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `Mark the steps of a 5-minute route with "quick": true (now ${quick.length} steps, ${quickMinutes} minutes).`,
      });
  });

function hasDuplicateFieldIds(fields: readonly { id: string }[]): boolean {
  return new Set(fields.map((field) => field.id)).size !== fields.length;
}

export type CourseModule = z.infer<typeof courseModuleSchema>;
export type CourseStep = z.infer<typeof courseStepSchema>;
export type ExerciseField = z.infer<typeof exerciseFieldSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
