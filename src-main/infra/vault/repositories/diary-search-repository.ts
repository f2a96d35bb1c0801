import { randomBytes } from 'node:crypto';
import type { SearchResult } from '../../../contract';
import type { DiarySearch } from '../../../core/diary/diary-search';
import { buildSearchQuery, shorten, snippetSegments } from '../../../core/diary/search-query';
import type { VaultDatabase } from '../database';

interface Row {
  kind: SearchResult['kind'];
  ref_id: string;
  occurred_at: string;
  title: string;
  snippet: string;
}

const TITLE_MAX = 160;
/** Words of context in a snippet: enough for a line in a result list. */
const SNIPPET_TOKENS = 16;
/** How many of the most recent matches are ranked (see below). */
export const RANK_WINDOW = 2000;

/**
 * Full-text search over the index migrations 002 and 003 keep (search_index, search_docs).
 * The FTS5 query is always built by buildSearchQuery, never taken from the caller.
 */
export function createDiarySearchRepository(db: VaultDatabase): DiarySearch {
  // Random per connection, so no text a person wrote can pass for a highlight marker.
  const nonce = randomBytes(8).toString('hex');
  const open = `\u0002${nonce}[`;
  const close = `]${nonce}\u0003`;
  // bm25 costs a lookup per matching row, so a word in nearly every entry ("me", or "m" typed as
  // the start of one) would rank tens of thousands of rows. Ranking is therefore among the
  // RANK_WINDOW most recently written matches: every match when there are fewer, and for very
  // common words the recent ones, which are the likelier to be looked for. The index ranks and
  // limits first, then only the chosen few are joined to their diary rows for time and title.
  const search = db.prepare<
    { match: string; limit: number; open: string; close: string; window: number },
    Row
  >(
    `SELECT d.kind, d.ref_id,
            coalesce(s.occurred_at, t.occurred_at) AS occurred_at,
            coalesce(s.what, nullif(t.situation, ''), json_extract(t.automatic_thoughts, '$[0].text'), '') AS title,
            m.snippet
     FROM (SELECT rowid, rank, snippet(search_index, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
           FROM search_index
           WHERE search_index MATCH @match
             AND rowid >= coalesce((SELECT rowid FROM search_index WHERE search_index MATCH @match
                                    ORDER BY rowid DESC LIMIT 1 OFFSET @window - 1), 0)
           ORDER BY rank LIMIT @limit) AS m
     JOIN search_docs AS d ON d.id = m.rowid
     LEFT JOIN stress_entries AS s ON d.kind = 'stress' AND s.id = d.ref_id
     LEFT JOIN thought_records AS t ON d.kind = 'thought' AND t.id = d.ref_id
     ORDER BY m.rank, occurred_at DESC`,
  );

  return {
    search({ query, limit }) {
      const match = buildSearchQuery(query);
      if (match === undefined) return [];
      return search.all({ match, limit, open, close, window: RANK_WINDOW }).map((row) => ({
        kind: row.kind,
        id: row.ref_id,
        occurredAt: row.occurred_at,
        title: shorten(row.title, TITLE_MAX),
        snippet: snippetSegments(row.snippet, open, close),
      }));
    },
  };
}
