import type { Migration } from './migration';

/**
 * Version 6: the library's side of the vault.
 *
 * - `library_index` is the full-text index of the articles as currently loaded (shipped content
 *   overlaid with applied packs). It lives here, not in a file of its own, so the search runs
 *   inside the encrypted database like the diary's. It is rebuilt whenever the loaded content's
 *   fingerprint (kept in `library_meta`) differs. Same tokenizer and prefix indexes as the
 *   diary's search_index, so core/diary/search-query.ts builds queries for both. bm25 weights:
 *   title 10, summary 4, tags 3, text 1, so a title match ranks above a passing mention.
 * - `library_articles` is what the user did with each article: when it was first known (the
 *   articles present the first time the library was opened are the baseline and never "new"),
 *   opened, bookmarked or kept to read later.
 */
export const migration006: Migration = {
  version: 6,
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE library_index USING fts5(
        article_id UNINDEXED,
        title,
        summary,
        tags,
        body,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'",
        prefix = '2 3'
      );
      INSERT INTO library_index (library_index, rank) VALUES ('rank', 'bm25(0.0, 10.0, 4.0, 3.0, 1.0)');

      CREATE TABLE library_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE library_articles (
        article_id TEXT PRIMARY KEY,
        first_known_at TEXT NOT NULL,
        baseline INTEGER NOT NULL CHECK (baseline IN (0, 1)),
        read_at TEXT,
        bookmarked_at TEXT,
        read_later_at TEXT
      ) STRICT;
    `);
  },
};
