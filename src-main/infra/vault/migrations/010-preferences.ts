import type { Migration } from './migration';

/**
 * Version 10: the user's own choices that say something about them (which country's crisis lines
 * they want), kept encrypted with everything else rather than in the plain settings file.
 */
export const migration010: Migration = {
  version: 10,
  up(db) {
    db.exec(`
      CREATE TABLE preferences (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
