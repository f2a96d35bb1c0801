import { randomBytes } from 'node:crypto';
import type { ArticleState } from '../../../contract';
import type { Clock } from '../../../core/clock';
import { buildSearchQuery, snippetSegments } from '../../../core/diary/search-query';
import type { LibraryRepository } from '../../../core/library/library-repository';
import type { VaultDatabase } from '../database';

interface StateRow {
  article_id: string;
  baseline: number;
  read_at: string | null;
  bookmarked_at: string | null;
  read_later_at: string | null;
}

interface SearchRow {
  article_id: string;
  body_snippet: string;
  summary_snippet: string;
}

const FINGERPRINT_KEY = 'fingerprint';
const SNIPPET_TOKENS = 18;

/** The library's tables of migration 006. Queries are always built by buildSearchQuery. */
export function createLibraryRepository(db: VaultDatabase, clock: Clock): LibraryRepository {
  // Random per connection, so no article text can pass for a highlight marker.
  const nonce = randomBytes(8).toString('hex');
  const open = `\u0002${nonce}[`;
  const close = `]${nonce}\u0003`;
  const now = () => new Date(clock.now()).toISOString();

  const readFingerprint = db.prepare<[string], { value: string }>(
    'SELECT value FROM library_meta WHERE key = ?',
  );
  const writeFingerprint = db.prepare<[string, string]>(
    'INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const clearIndex = db.prepare('DELETE FROM library_index');
  const indexDoc = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO library_index (article_id, title, summary, tags, body) VALUES (?, ?, ?, ?, ?)',
  );
  const knownCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM library_articles');
  const know = db.prepare<[string, string, number]>(
    'INSERT INTO library_articles (article_id, first_known_at, baseline) VALUES (?, ?, ?) ON CONFLICT (article_id) DO NOTHING',
  );
  const allStates = db.prepare<[], StateRow>(
    'SELECT article_id, baseline, read_at, bookmarked_at, read_later_at FROM library_articles',
  );
  const ensure = db.prepare<[string, string]>(
    'INSERT INTO library_articles (article_id, first_known_at, baseline) VALUES (?, ?, 0) ON CONFLICT (article_id) DO NOTHING',
  );
  const setBookmarked = db.prepare<[string | null, string]>(
    'UPDATE library_articles SET bookmarked_at = ? WHERE article_id = ?',
  );
  const setReadLater = db.prepare<[string | null, string]>(
    'UPDATE library_articles SET read_later_at = ? WHERE article_id = ?',
  );
  const setRead = db.prepare<[string, string]>(
    'UPDATE library_articles SET read_at = ? WHERE article_id = ?',
  );
  const search = db.prepare<{ match: string; limit: number; open: string; close: string }, SearchRow>(
    `SELECT article_id,
            snippet(library_index, 4, @open, @close, '…', ${SNIPPET_TOKENS}) AS body_snippet,
            snippet(library_index, 2, @open, @close, '…', ${SNIPPET_TOKENS}) AS summary_snippet
     FROM library_index WHERE library_index MATCH @match ORDER BY rank LIMIT @limit`,
  );

  // FTS5's own word list of the index, for spelling suggestions. A temp table: it is a view of
  // library_index, needs no migration, and temp_store=MEMORY keeps it off the disk.
  db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.library_vocab USING fts5vocab(main, 'library_index', 'row')`,
  );
  const vocabularyRows = db.prepare<[], { term: string; doc: number }>(
    'SELECT term, doc FROM temp.library_vocab',
  );

  // The fingerprint last synced on this connection, so the common case costs nothing.
  let synced: string | undefined;
  // The index's words, read once per synced fingerprint (only a search that found nothing asks).
  let vocabulary: { fingerprint: string | undefined; words: ReadonlyMap<string, number> } | undefined;

  const sync = db.transaction((docs: Parameters<LibraryRepository['sync']>[0], fingerprint: string) => {
    if (readFingerprint.get(FINGERPRINT_KEY)?.value !== fingerprint) {
      clearIndex.run();
      for (const doc of docs) indexDoc.run(doc.id, doc.title, doc.summary, doc.tags.join(' '), doc.text);
      writeFingerprint.run(FINGERPRINT_KEY, fingerprint);
    }
    const first = (knownCount.get()?.n ?? 0) === 0;
    const at = now();
    for (const doc of docs) know.run(doc.id, at, first ? 1 : 0);
  });

  const mark = (id: string, statement: { run(...args: unknown[]): unknown }, value: string | null) => {
    ensure.run(id, now());
    statement.run(value, id);
  };

  return {
    sync(docs, fingerprint) {
      if (synced === fingerprint) return;
      sync(docs, fingerprint);
      synced = fingerprint;
    },
    search(query, limit) {
      const match = buildSearchQuery(query);
      if (match === undefined) return [];
      return search.all({ match, limit, open, close }).map((row) => {
        // Words around the match in the text; else the summary when that is where it matched;
        // else (a title or tag match) the opening words of the text.
        const body = snippetSegments(row.body_snippet, open, close);
        const summary = snippetSegments(row.summary_snippet, open, close);
        const matched = (segments: typeof body) => segments.some((segment) => segment.match);
        const snippet = matched(body) || !matched(summary) ? body : summary;
        return { id: row.article_id, snippet };
      });
    },
    vocabulary() {
      if (vocabulary && vocabulary.fingerprint === synced && synced !== undefined) return vocabulary.words;
      const words = new Map(vocabularyRows.all().map((row) => [row.term, row.doc]));
      vocabulary = { fingerprint: synced, words };
      return words;
    },
    states() {
      const states = new Map<string, ArticleState>();
      for (const row of allStates.all()) {
        states.set(row.article_id, {
          id: row.article_id,
          isNew: row.baseline === 0 && row.read_at === null,
          bookmarked: row.bookmarked_at !== null,
          readLater: row.read_later_at !== null,
          readAt: row.read_at,
        });
      }
      return states;
    },
    setBookmark(id, on) {
      mark(id, setBookmarked, on ? now() : null);
    },
    setReadLater(id, on) {
      mark(id, setReadLater, on ? now() : null);
    },
    markRead(id) {
      mark(id, setRead, now());
    },
  };
}
