import type { Migration } from './migration';

/**
 * Version 8: session rooms. Each room is kept whole as it changes (everything typed in it), with
 * the few columns the progress view sums over. At most one room is open at a time.
 */
export const migration008: Migration = {
  version: 8,
  up(db) {
    db.exec(`
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
        active_ms INTEGER NOT NULL CHECK (active_ms >= 0),
        state TEXT NOT NULL
      ) STRICT;

      CREATE UNIQUE INDEX rooms_one_open ON rooms (is_open) WHERE is_open = 1;
      CREATE INDEX rooms_by_start ON rooms (started_at DESC);

      CREATE TABLE room_prefs (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        prefs TEXT NOT NULL
      ) STRICT;
    `);
  },
};
