import type { Migration } from './migration';

/** A thought record's searchable body: its thoughts, feelings, evidence and balanced thought. */
const thoughtBody = (row: string) => `concat_ws(char(10),
  (SELECT group_concat(nullif(json_extract(value, '$.text'), ''), char(10)) FROM json_each(${row}.automatic_thoughts)),
  (SELECT group_concat(nullif(json_extract(value, '$.name'), ''), ', ') FROM json_each(${row}.emotions)),
  nullif(${row}.evidence_for, ''), nullif(${row}.evidence_against, ''), nullif(${row}.balanced_thought, ''))`;

/**
 * Version 3: thought records (course module 3), searched together with the stress diary.
 *
 * The lists (automatic thoughts, feelings, thinking traps, re-rated feelings) are JSON arrays in
 * their row: a record is always read and written whole, and an autosave is one row's update.
 */
export const migration003: Migration = {
  version: 3,
  up(db) {
    db.exec(`
      CREATE TABLE thought_records (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
        occurred_at TEXT NOT NULL,
        situation TEXT NOT NULL DEFAULT '',
        automatic_thoughts TEXT NOT NULL DEFAULT '[]' CHECK (json_type(automatic_thoughts) = 'array'),
        emotions TEXT NOT NULL DEFAULT '[]' CHECK (json_type(emotions) = 'array'),
        thinking_traps TEXT NOT NULL DEFAULT '[]' CHECK (json_type(thinking_traps) = 'array'),
        evidence_for TEXT NOT NULL DEFAULT '',
        evidence_against TEXT NOT NULL DEFAULT '',
        balanced_thought TEXT NOT NULL DEFAULT '',
        rerated TEXT NOT NULL DEFAULT '{"belief":null,"emotions":[]}' CHECK (json_type(rerated) = 'object'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX thought_records_by_time ON thought_records (occurred_at DESC);
      CREATE INDEX thought_records_by_status ON thought_records (status, occurred_at DESC);

      CREATE TRIGGER thought_records_search_insert AFTER INSERT ON thought_records BEGIN
        INSERT INTO search_docs (kind, ref_id) VALUES ('thought', new.id);
        INSERT INTO search_index (rowid, title, body)
          VALUES (last_insert_rowid(), new.situation, ${thoughtBody('new')});
      END;

      CREATE TRIGGER thought_records_search_update AFTER UPDATE ON thought_records
      WHEN old.id IS NOT new.id OR old.situation IS NOT new.situation
        OR old.automatic_thoughts IS NOT new.automatic_thoughts OR old.emotions IS NOT new.emotions
        OR old.evidence_for IS NOT new.evidence_for OR old.evidence_against IS NOT new.evidence_against
        OR old.balanced_thought IS NOT new.balanced_thought
      BEGIN
        UPDATE search_docs SET ref_id = new.id WHERE kind = 'thought' AND ref_id = old.id;
        UPDATE search_index SET title = new.situation, body = ${thoughtBody('new')}
          WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'thought' AND ref_id = new.id);
      END;

      CREATE TRIGGER thought_records_search_delete AFTER DELETE ON thought_records BEGIN
        DELETE FROM search_index
          WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'thought' AND ref_id = old.id);
        DELETE FROM search_docs WHERE kind = 'thought' AND ref_id = old.id;
      END;
    `);
  },
};
