import type { Migration } from './migration';

/** Version 1: vault settings and the stress diary. */
export const migration001: Migration = {
  version: 1,
  up(db) {
    db.exec(`
      CREATE TABLE vault_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE stress_entries (
        id TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        stress INTEGER NOT NULL CHECK (stress BETWEEN 0 AND 10),
        what TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        thoughts TEXT NOT NULL DEFAULT '',
        actions TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX stress_entries_by_time ON stress_entries (occurred_at DESC);
    `);
  },
};
