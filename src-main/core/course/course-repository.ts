import type { CourseProfile, DiaryLink, ModuleId, StepAnswers } from '../../contract';

/** One step of one attempt at a module. */
export interface StepRecord {
  moduleId: ModuleId;
  attempt: number;
  stepId: string;
  startedAt: string | null;
  lastOpenedAt: string | null;
  completedAt: string | null;
  secondsSpent: number;
  answers: StepAnswers | null;
  answersUpdatedAt: string | null;
  /** A diary-shaped step, once finished: the diary entry or thought record its answers went to. */
  diaryLink: DiaryLink | null;
}

/** One time through a module: a redo starts the next attempt and keeps the earlier ones. */
export interface AttemptRecord {
  moduleId: ModuleId;
  attempt: number;
  startedAt: string;
  completedAt: string | null;
}

/** The user's course profile, plan, progress and answers, kept in the vault. */
export interface CourseRepository {
  profile(): CourseProfile | undefined;
  saveProfile(profile: Omit<CourseProfile, 'updatedAt'>): CourseProfile;
  /** The user's plan (module ids in order), or undefined before onboarding. */
  plan(): ModuleId[] | undefined;
  savePlan(order: readonly ModuleId[]): void;
  /** Every attempt at every module, oldest first. */
  attempts(): AttemptRecord[];
  /** Every step record of every attempt, oldest attempt first. */
  steps(): StepRecord[];
  /** Records that the step was opened (in the module's current attempt, started if need be). */
  openStep(moduleId: ModuleId, stepId: string): StepRecord;
  saveAnswers(moduleId: ModuleId, stepId: string, answers: StepAnswers): StepRecord;
  completeStep(moduleId: ModuleId, stepId: string, secondsSpent: number): StepRecord;
  /** Keeps, for the step in the current attempt, where in the diary its answers were written. */
  linkDiary(moduleId: ModuleId, stepId: string, link: DiaryLink): StepRecord;
  /** Adds time spent on a step without finishing it. */
  addTime(moduleId: ModuleId, stepId: string, secondsSpent: number): StepRecord;
  /** Marks the current attempt finished (once; finishing again keeps the first time). */
  finishModule(moduleId: ModuleId): void;
  /** Starts the next attempt; earlier attempts and their answers are kept. */
  restartModule(moduleId: ModuleId): void;
}
