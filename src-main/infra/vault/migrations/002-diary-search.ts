import type { Migration } from './migration';

/**
 * The stress diary's own body columns, as one searchable text (what the person thought, felt in
 * the body, and did). Shared by the triggers and the backfill so both index the same thing.
 */
const stressBody = (row: string) =>
  `concat_ws(char(10), nullif(${row}.thoughts, ''), nullif(${row}.body, ''), nullif(${row}.actions, ''))`;

/**
 * Version 2: full-text search (SQLite FTS5) over the diaries, inside the encrypted database. Its
 * shadow tables are ordinary pages of the same file, so the index is encrypted like the rest.
 *
 * - `search_index` holds a title and a body per searchable thing. Words are split by unicode61
 *   with diacritics removed (café finds cafe) and symbols kept as words (emoji can be searched);
 *   prefix indexes of 2 and 3 characters keep search-as-you-type fast. It stores its own copy of
 *   the text, which snippets are cut from. The query builder (core/diary/search-query.ts) must
 *   agree on those categories: a test checks that it does.
 * - `search_docs` gives each diary row a stable integer key for the index. The diary tables have
 *   text ids, and their hidden rowids may be renumbered by VACUUM (backups use VACUUM INTO), so
 *   they cannot be that key.
 * - Triggers keep both in step with every insert, edit and delete, however it is made.
 * - `secure-delete` removes a deleted or edited entry's words from the index at once, so they do
 *   not linger in index pages that a later backup would copy.
 * - Ranking is bm25 with the title weighted above the body.
 */
export const migration002: Migration = {
  version: 2,
  up(db) {
    db.exec(`
      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('stress', 'thought')),
        ref_id TEXT NOT NULL,
        UNIQUE (kind, ref_id)
      ) STRICT;

      CREATE VIRTUAL TABLE search_index USING fts5(
        title,
        body,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'",
        prefix = '2 3'
      );
      INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

      CREATE TRIGGER stress_entries_search_insert AFTER INSERT ON stress_entries BEGIN
        INSERT INTO search_docs (kind, ref_id) VALUES ('stress', new.id);
        INSERT INTO search_index (rowid, title, body)
          VALUES (last_insert_rowid(), new.what, ${stressBody('new')});
      END;

      CREATE TRIGGER stress_entries_search_update AFTER UPDATE ON stress_entries
      WHEN old.id IS NOT new.id OR old.what IS NOT new.what OR old.thoughts IS NOT new.thoughts
        OR old.body IS NOT new.body OR old.actions IS NOT new.actions
      BEGIN
        UPDATE search_docs SET ref_id = new.id WHERE kind = 'stress' AND ref_id = old.id;
        UPDATE search_index SET title = new.what, body = ${stressBody('new')}
          WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'stress' AND ref_id = new.id);
      END;

      CREATE TRIGGER stress_entries_search_delete AFTER DELETE ON stress_entries BEGIN
        DELETE FROM search_index
          WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'stress' AND ref_id = old.id);
        DELETE FROM search_docs WHERE kind = 'stress' AND ref_id = old.id;
      END;

      INSERT INTO search_docs (kind, ref_id) SELECT 'stress', id FROM stress_entries ORDER BY occurred_at;
      INSERT INTO search_index (rowid, title, body)
        SELECT d.id, s.what, ${stressBody('s')}
        FROM stress_entries AS s JOIN search_docs AS d ON d.kind = 'stress' AND d.ref_id = s.id;
    `);
  },
};
