import {
  courseProfileSchema,
  diaryLinkSchema,
  moduleIdSchema,
  stepAnswersSchema,
  type ModuleId,
  type StepAnswers,
} from '../../../contract';
import type { Clock } from '../../../core/clock';
import type { AttemptRecord, CourseRepository, StepRecord } from '../../../core/course/course-repository';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';

interface StepRow {
  module_id: string;
  attempt: number;
  step_id: string;
  started_at: string | null;
  last_opened_at: string | null;
  completed_at: string | null;
  seconds_spent: number;
  answers: string | null;
  answers_updated_at: string | null;
  /** JSON of a DiaryLink (migration 12). */
  diary_link: string | null;
}

interface AttemptRow {
  module_id: string;
  attempt: number;
  started_at: string;
  completed_at: string | null;
}

/** Time on one step is counted up to this much per visit, so a page left open overnight does not. */
const MAX_SECONDS_PER_VISIT = 2 * 3600;

export function createCourseRepository(db: VaultDatabase, clock: Clock): CourseRepository {
  const readProfile = db.prepare<[], { profile: string; updated_at: string }>(
    'SELECT profile, updated_at FROM course_profile WHERE id = 1',
  );
  const writeProfile = db.prepare(
    `INSERT INTO course_profile (id, profile, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`,
  );
  const readPlan = db.prepare<[], { modules: string }>('SELECT modules FROM course_plan WHERE id = 1');
  const writePlan = db.prepare(
    `INSERT INTO course_plan (id, modules, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET modules = excluded.modules, updated_at = excluded.updated_at`,
  );
  const allAttempts = db.prepare<[], AttemptRow>(
    'SELECT module_id, attempt, started_at, completed_at FROM course_attempts ORDER BY attempt, module_id',
  );
  const latestAttempt = db.prepare<[string], AttemptRow>(
    'SELECT module_id, attempt, started_at, completed_at FROM course_attempts WHERE module_id = ? ORDER BY attempt DESC LIMIT 1',
  );
  const addAttempt = db.prepare(
    'INSERT INTO course_attempts (module_id, attempt, started_at) VALUES (?, ?, ?)',
  );
  const finishAttempt = db.prepare(
    'UPDATE course_attempts SET completed_at = ? WHERE module_id = ? AND attempt = ? AND completed_at IS NULL',
  );
  const allSteps = db.prepare<[], StepRow>('SELECT * FROM course_steps ORDER BY attempt, module_id, step_id');
  const oneStep = db.prepare<[string, number, string], StepRow>(
    'SELECT * FROM course_steps WHERE module_id = ? AND attempt = ? AND step_id = ?',
  );
  const ensureStep = db.prepare(
    'INSERT INTO course_steps (module_id, attempt, step_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const markOpened = db.prepare(
    `UPDATE course_steps SET started_at = coalesce(started_at, @now), last_opened_at = @now
     WHERE module_id = @module AND attempt = @attempt AND step_id = @step`,
  );
  const writeAnswers = db.prepare(
    `UPDATE course_steps SET answers = @answers, answers_updated_at = @now, started_at = coalesce(started_at, @now)
     WHERE module_id = @module AND attempt = @attempt AND step_id = @step`,
  );
  const markCompleted = db.prepare(
    `UPDATE course_steps SET completed_at = coalesce(completed_at, @now), started_at = coalesce(started_at, @now),
       seconds_spent = seconds_spent + @seconds
     WHERE module_id = @module AND attempt = @attempt AND step_id = @step`,
  );

  const writeDiaryLink = db.prepare(
    `UPDATE course_steps SET diary_link = @link
     WHERE module_id = @module AND attempt = @attempt AND step_id = @step`,
  );

  const addSeconds = db.prepare(
    `UPDATE course_steps SET seconds_spent = seconds_spent + @seconds, started_at = coalesce(started_at, @now)
     WHERE module_id = @module AND attempt = @attempt AND step_id = @step`,
  );

  const now = () => new Date(clock.now()).toISOString();
  const visit = (seconds: number) => Math.min(Math.max(0, Math.round(seconds)), MAX_SECONDS_PER_VISIT);

  const toStep = (row: StepRow): StepRecord => ({
    moduleId: moduleIdSchema.parse(row.module_id),
    attempt: row.attempt,
    stepId: row.step_id,
    startedAt: row.started_at,
    lastOpenedAt: row.last_opened_at,
    completedAt: row.completed_at,
    secondsSpent: row.seconds_spent,
    answers: row.answers === null ? null : (stepAnswersSchema.parse(JSON.parse(row.answers)) as StepAnswers),
    answersUpdatedAt: row.answers_updated_at,
    diaryLink: row.diary_link === null ? null : diaryLinkSchema.parse(JSON.parse(row.diary_link)),
  });
  const toAttempt = (row: AttemptRow): AttemptRecord => ({
    moduleId: moduleIdSchema.parse(row.module_id),
    attempt: row.attempt,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  });

  /** The module's current attempt, started now if it has none; the step's row in it exists. */
  function stepRow(moduleId: ModuleId, stepId: string, at: string): { attempt: number } {
    let current = latestAttempt.get(moduleId);
    if (!current) {
      addAttempt.run(moduleId, 1, at);
      current = { module_id: moduleId, attempt: 1, started_at: at, completed_at: null };
    }
    ensureStep.run(moduleId, current.attempt, stepId);
    return { attempt: current.attempt };
  }

  function write(
    moduleId: ModuleId,
    stepId: string,
    change: (attempt: number, at: string) => void,
  ): StepRecord {
    const at = now();
    return guardWrite(() =>
      db.transaction(() => {
        const { attempt } = stepRow(moduleId, stepId, at);
        change(attempt, at);
        return toStep(oneStep.get(moduleId, attempt, stepId) as StepRow);
      })(),
    );
  }

  return {
    profile() {
      const row = readProfile.get();
      return row
        ? courseProfileSchema.parse({ ...JSON.parse(row.profile), updatedAt: row.updated_at })
        : undefined;
    },
    saveProfile(profile) {
      const updatedAt = now();
      guardWrite(() => writeProfile.run(JSON.stringify(profile), updatedAt));
      return { ...profile, updatedAt };
    },
    plan() {
      const row = readPlan.get();
      return row ? moduleIdSchema.array().parse(JSON.parse(row.modules)) : undefined;
    },
    savePlan(order) {
      guardWrite(() => writePlan.run(JSON.stringify(order), now()));
    },
    attempts: () => allAttempts.all().map(toAttempt),
    steps: () => allSteps.all().map(toStep),
    openStep: (moduleId, stepId) =>
      write(moduleId, stepId, (attempt, at) =>
        markOpened.run({ now: at, module: moduleId, attempt, step: stepId }),
      ),
    saveAnswers: (moduleId, stepId, answers) =>
      write(moduleId, stepId, (attempt, at) =>
        writeAnswers.run({
          answers: JSON.stringify(answers),
          now: at,
          module: moduleId,
          attempt,
          step: stepId,
        }),
      ),
    completeStep: (moduleId, stepId, seconds) =>
      write(moduleId, stepId, (attempt, at) =>
        markCompleted.run({
          now: at,
          seconds: visit(seconds),
          module: moduleId,
          attempt,
          step: stepId,
        }),
      ),
    linkDiary: (moduleId, stepId, link) =>
      write(moduleId, stepId, (attempt) =>
        writeDiaryLink.run({ link: JSON.stringify(link), module: moduleId, attempt, step: stepId }),
      ),
    addTime: (moduleId, stepId, seconds) =>
      write(moduleId, stepId, (attempt, at) =>
        addSeconds.run({ now: at, seconds: visit(seconds), module: moduleId, attempt, step: stepId }),
      ),
    finishModule(moduleId) {
      const at = now();
      guardWrite(() =>
        db.transaction(() => {
          const current = latestAttempt.get(moduleId);
          if (!current) addAttempt.run(moduleId, 1, at);
          finishAttempt.run(at, moduleId, current?.attempt ?? 1);
        })(),
      );
    },
    restartModule(moduleId) {
      const at = now();
      guardWrite(() =>
        db.transaction(() => {
          const current = latestAttempt.get(moduleId);
          // Nothing to redo before a first time through: the module is simply still to do.
          if (!current) return;
          const started = allSteps
            .all()
            .some((row) => row.module_id === moduleId && row.attempt === current.attempt);
          if (!started && current.completed_at === null) return;
          addAttempt.run(moduleId, current.attempt + 1, at);
        })(),
      );
    },
  };
}
