import type { Migration } from './migration';

/**
 * Reminders: the user's rules (their labels are their own words), their preferences (quiet
 * hours, pause, snooze, the Monday message) and a short history of what was shown.
 * Version 7 whatever else lands beside it: it creates only its own tables.
 */
export const migration007: Migration = {
  version: 7,
  up(db) {
    db.exec(`
      CREATE TABLE reminder_rules (
        id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reminder_preferences (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        preferences TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reminder_history (
        id TEXT PRIMARY KEY,
        fired_at TEXT NOT NULL,
        target TEXT NOT NULL,
        coalesced INTEGER NOT NULL,
        delivered INTEGER NOT NULL CHECK (delivered IN (0, 1))
      ) STRICT;

      CREATE INDEX reminder_history_by_time ON reminder_history (fired_at DESC);
    `);
  },
};
