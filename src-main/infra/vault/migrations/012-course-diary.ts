import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stepAnswersSchema, type DiaryDestination, type DiaryLink } from '../../../contract';
import { stressEntryFromAnswers, thoughtRecordFromAnswers } from '../../../core/course/diary-steps';
import type { Migration } from './migration';

/**
 * The diary-shaped steps as the course shipped them before steps wrote to the diary. Fixed here
 * rather than read from the content: a migration must do the same thing on every vault, whatever
 * the content says later.
 */
const DIARY_STEPS: readonly { moduleId: string; stepId: string; destination: DiaryDestination }[] = [
  { moduleId: 'm1', stepId: 'start-your-diary', destination: 'stress-diary' },
  { moduleId: 'm3', stepId: 'thought-record', destination: 'thought-record' },
];

interface StepRow {
  module_id: string;
  attempt: number;
  step_id: string;
  completed_at: string;
  answers: string;
}

/**
 * Version 12: diary-shaped course steps write real diary entries and thought records, and the
 * step keeps which one (`course_steps.diary_link`, JSON of a DiaryLink). Finished steps from
 * before get their entry now, dated when the step was finished, so the Diary lists them and diary
 * search finds them (the search triggers of versions 2 and 3 index the new rows). A step already
 * linked is left alone, so running this again adds nothing. Unfinished answers stay in the course:
 * they reach the diary when the step is finished, as new ones do.
 */
export const migration012: Migration = {
  version: 12,
  up(db) {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(course_steps)').all();
    if (!columns.some((column) => column.name === 'diary_link'))
      db.exec('ALTER TABLE course_steps ADD COLUMN diary_link TEXT');

    const pending = db.prepare<[string, string], StepRow>(
      `SELECT module_id, attempt, step_id, completed_at, answers FROM course_steps
       WHERE module_id = ? AND step_id = ? AND completed_at IS NOT NULL AND answers IS NOT NULL
         AND diary_link IS NULL
       ORDER BY attempt`,
    );
    const link = db.prepare(
      'UPDATE course_steps SET diary_link = ? WHERE module_id = ? AND attempt = ? AND step_id = ?',
    );
    for (const { moduleId, stepId, destination } of DIARY_STEPS) {
      for (const row of pending.all(moduleId, stepId)) {
        const parsed = stepAnswersSchema.safeParse(JSON.parse(row.answers));
        if (!parsed.success) continue;
        const written = (destination === 'stress-diary' ? insertStressEntry : insertThoughtRecord)(
          db,
          parsed.data,
          row.completed_at,
        );
        if (written) link.run(JSON.stringify(written), row.module_id, row.attempt, row.step_id);
      }
    }
  },
};

type Answers = Parameters<typeof stressEntryFromAnswers>[0];

function insertStressEntry(db: Database, answers: Answers, at: string): DiaryLink | undefined {
  const entry = stressEntryFromAnswers(answers, at);
  if (!entry) return undefined;
  const id = randomUUID();
  db.prepare(
    `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, at, entry.stress, entry.what, entry.body, entry.thoughts, entry.actions, at, at);
  return { kind: 'stress', id, occurredAt: at };
}

function insertThoughtRecord(db: Database, answers: Answers, at: string): DiaryLink | undefined {
  // The course offered exactly the thought records' twelve traps, and its answers were checked
  // against those options when saved, so every trap chosen is known.
  const traps = Array.isArray(answers.traps) ? answers.traps : [];
  const record = thoughtRecordFromAnswers(answers, at, traps);
  if (!record) return undefined;
  const id = randomUUID();
  db.prepare(
    `INSERT INTO thought_records (id, status, occurred_at, situation, automatic_thoughts, emotions,
       thinking_traps, evidence_for, evidence_against, balanced_thought, rerated, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    record.status,
    at,
    record.situation,
    JSON.stringify(record.automaticThoughts),
    JSON.stringify(record.emotions),
    JSON.stringify(record.thinkingTraps),
    record.evidenceFor,
    record.evidenceAgainst,
    record.balancedThought,
    JSON.stringify(record.rerated),
    at,
    at,
  );
  return { kind: 'thought', id, occurredAt: at };
}
