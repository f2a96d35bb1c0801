import type { Migration } from './migration';

/**
 * Version 11: drafts, what someone has typed into a form and not yet saved (one row per form).
 * They are the user's own words, so they are kept here, encrypted, and not in the page's storage.
 */
export const migration011: Migration = {
  version: 11,
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        fields_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
