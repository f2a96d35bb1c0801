import type { Migration } from './migration';

/**
 * Version 5: the course. The onboarding profile and the plan (one row each), each attempt at a
 * module (a redo is the next attempt, so earlier answers are kept), and per step of an attempt:
 * when it was started, opened and finished, time spent, and the answers.
 */
export const migration005: Migration = {
  version: 5,
  up(db) {
    db.exec(`
      CREATE TABLE course_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        profile TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE course_plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        modules TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE course_attempts (
        module_id TEXT NOT NULL,
        attempt INTEGER NOT NULL CHECK (attempt >= 1),
        started_at TEXT NOT NULL,
        completed_at TEXT,
        PRIMARY KEY (module_id, attempt)
      ) STRICT;

      CREATE TABLE course_steps (
        module_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        step_id TEXT NOT NULL,
        started_at TEXT,
        last_opened_at TEXT,
        completed_at TEXT,
        seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
        answers TEXT,
        answers_updated_at TEXT,
        PRIMARY KEY (module_id, attempt, step_id),
        FOREIGN KEY (module_id, attempt) REFERENCES course_attempts (module_id, attempt)
      ) STRICT;
    `);
  },
};
