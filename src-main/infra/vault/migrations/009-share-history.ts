import type { Migration } from './migration';

/**
 * Version 9: the user's own record of what they shared with a coach: when, for whom (the label
 * they typed), how it was protected and how many items of each kind. Never the passphrase.
 */
export const migration009: Migration = {
  version: 9,
  up(db) {
    db.exec(`
      CREATE TABLE share_history (
        id TEXT PRIMARY KEY,
        exported_at TEXT NOT NULL,
        recipient_label TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('passphrase', 'recipient')),
        file_name TEXT NOT NULL,
        counts TEXT NOT NULL
      ) STRICT;

      CREATE INDEX share_history_by_time ON share_history (exported_at DESC);
    `);
  },
};
