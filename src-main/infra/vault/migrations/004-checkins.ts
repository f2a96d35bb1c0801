import type { Migration } from './migration';

/** Version 4: questionnaire results, the user's check-in plan and their personal safety plan. */
export const migration004: Migration = {
  version: 4,
  up(db) {
    db.exec(`
      CREATE TABLE measure_results (
        id TEXT PRIMARY KEY,
        measure_id TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        answers TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;

      CREATE INDEX measure_results_by_measure ON measure_results (measure_id, taken_at DESC);

      CREATE TABLE checkin_plan (
        measure_id TEXT PRIMARY KEY,
        frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly', 'on-demand'))
      ) STRICT;

      CREATE TABLE safety_plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        plan TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
