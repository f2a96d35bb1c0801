import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSearchQuery,
  MAX_SEARCH_TERMS,
  SEARCH_TOKEN_CATEGORIES,
  shorten,
  snippetSegments,
} from '../../src-main/core/diary/search-query';
import { MIGRATIONS } from '../../src-main/infra/vault/migrations';
import { hostileString } from '../helpers/arbitraries';

/** The migrations in a throwaway in-memory database: the real FTS5 table and tokenizer. */
function migratedMemoryDb() {
  const db = new Database(':memory:');
  for (const migration of MIGRATIONS) migration.up(db);
  return db;
}

describe('buildSearchQuery', () => {
  it.each([
    ['meeting', '"meeting"*'],
    ['meeting ', '"meeting"'],
    ['  late   meeting', '"late" "meeting"*'],
    ['late meeting\t', '"late" "meeting"'],
    // Its last token is "t", one letter: no prefix. Either spelling finds it.
    ["don't", '("don\'t" OR "dont")'],
    ['cant sleep', '("cant" OR "can t") AND "sleep"*'],
    ['Im tired', '("Im" OR "i m") AND "tired"*'],
    ['meetings', '"meetings"*'],
    ['say "no"', '"say" """no"""*'],
    ['say "no', '"say" """no"*'],
    ['NEAR(a b)', '"NEAR(a" "b)"'],
    ['a OR b', '"a" "OR" "b"'],
    ['NOT', '"NOT"*'],
    ['-work', '"-work"*'],
    ['title:boss', '"title:boss"*'],
    ['{title body}: x', '"{title" "body}:" "x"'],
    ['^start', '"^start"*'],
    ['a + b', '"a" "b"'],
    ['café', '"café"*'],
    ['😀', '"😀"'],
    ['tired 😩', '"tired" "😩"'],
  ])('%j becomes %j', (typed, query) => {
    expect(buildSearchQuery(typed)).toBe(query);
  });

  it.each(['', ' ', '\n\t', '"', '""', '*', '-', ':', '(', ')', '^', '+', '" "', '*"*', '\u0000', '·—…'])(
    'has nothing to search for in %j',
    (typed) => {
      expect(buildSearchQuery(typed)).toBeUndefined();
    },
  );

  it('matches the last word as a prefix only from its second letter, while it is being typed', () => {
    expect(buildSearchQuery('m')).toBe('"m"');
    expect(buildSearchQuery('me')).toBe('"me"*');
    expect(buildSearchQuery('meeting m')).toBe('"meeting" "m"');
    expect(buildSearchQuery('meeting mo')).toBe('"meeting" "mo"*');
    // "e-m" is the phrase "e m": its last token has one letter.
    expect(buildSearchQuery('e-m')).toBe('"e-m"');
    expect(buildSearchQuery('e-ma')).toBe('"e-ma"*');
    // A word ending in punctuation is still being typed; its last token is "meeting".
    expect(buildSearchQuery('meeting,')).toBe('"meeting,"*');
    // A separator-only piece after the last word means the word is finished.
    expect(buildSearchQuery('meeting -')).toBe('"meeting"');
  });

  it('turns control characters and lone surrogates into spaces (NUL would end an FTS5 string)', () => {
    expect(buildSearchQuery('dead\u0000line')).toBe('"dead" "line"*');
    expect(buildSearchQuery('a\uD800b')).toBe('"a" "b"');
    expect(buildSearchQuery('x\u0007')).toBe('"x"');
  });

  it(`keeps the first ${MAX_SEARCH_TERMS} words, none as a prefix when some were dropped`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const query = buildSearchQuery(words.join(' ')) ?? '';
    expect(query.split(' ')).toHaveLength(MAX_SEARCH_TERMS);
    expect(query).not.toContain('*');
    expect(query.endsWith(`"w${MAX_SEARCH_TERMS - 1}"`)).toBe(true);
  });
});

describe('the query builder against the real FTS5 table', () => {
  const db = migratedMemoryDb();
  afterAll(() => db.close());
  const insert = db.prepare(
    `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
     VALUES (?, '2026-11-26T09:00:00.000Z', 5, ?, '', ?, '', '2026-11-26T09:00:00.000Z', '2026-11-26T09:00:00.000Z')`,
  );
  insert.run('a', 'OR NEAR AND NOT', 'title: body * ^ - + " ( )');
  insert.run('b', "Café naïve 😀 don't", 'say "no" to e-mail');
  insert.run('c', 'I cant sleep', 'Its late');
  const match = db.prepare<[string], { rowid: number }>(
    'SELECT rowid FROM search_index WHERE search_index MATCH ?',
  );
  const find = (typed: string) => {
    const query = buildSearchQuery(typed);
    return query === undefined ? [] : match.all(query).map((row) => row.rowid);
  };

  it('uses the token categories the index was built with', () => {
    const sql = db
      .prepare<[], { sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = 'search_index'`)
      .get()?.sql;
    expect(sql).toContain(`categories '${SEARCH_TOKEN_CATEGORIES}'`);
    expect(sql).toContain('remove_diacritics 2');
  });

  it('finds query words written as words, never as operators', () => {
    expect(find('OR')).toHaveLength(1);
    expect(find('NEAR')).toHaveLength(1);
    expect(find('or near and not')).toHaveLength(1);
    expect(find('cafe naive')).toHaveLength(1);
    expect(find('😀')).toHaveLength(1);
    expect(find("don't")).toHaveLength(1);
    // Apostrophes are forgiven: "dont" finds "don't" as well.
    expect(find('dont')).toHaveLength(1);
    expect(find("can't sleep")).toHaveLength(1);
    expect(find("it's late")).toHaveLength(1);
    expect(find('e-mail')).toHaveLength(1);
    expect(find('"no" ')).toHaveLength(1);
    expect(find('"no"')).toHaveLength(2);
    expect(find('OR nothing-here')).toHaveLength(0);
  });

  it('never gives FTS5 a query it cannot parse, whatever is typed', () => {
    const typed = fc.oneof(
      hostileString(64),
      fc.string({
        unit: fc.constantFrom(
          '"',
          '*',
          '(',
          ')',
          ':',
          '-',
          '+',
          '^',
          '{',
          '}',
          ' ',
          'a',
          'OR',
          'NEAR',
          'NOT',
          'AND',
          '\u0000',
          '\\',
        ),
        maxLength: 40,
      }),
      fc.string({ unit: 'binary', maxLength: 64 }),
    );
    fc.assert(
      fc.property(typed, (text) => {
        expect(() => find(text)).not.toThrow();
      }),
      { seed: 20_261_126, numRuns: 2_000 },
    );
  });
});

describe('snippetSegments', () => {
  const open = '\u0002n[';
  const close = ']n\u0003';

  it('splits a snippet into plain and matching pieces', () => {
    expect(snippetSegments(`…the ${open}deadline${close} moved ${open}again${close}`, open, close)).toEqual([
      { text: '…the ', match: false },
      { text: 'deadline', match: true },
      { text: ' moved ', match: false },
      { text: 'again', match: true },
    ]);
  });

  it('joins neighbouring pieces of the same kind and keeps the text as text', () => {
    expect(snippetSegments(`${open}don${close}${open}t${close} <b>&amp;</b>`, open, close)).toEqual([
      { text: 'dont', match: true },
      { text: ' <b>&amp;</b>', match: false },
    ]);
  });

  it('shows line breaks as " · " and trims the ends', () => {
    expect(snippetSegments(`\nfirst line\n\n${open}second${close}  line\n`, open, close)).toEqual([
      { text: 'first line · ', match: false },
      { text: 'second', match: true },
      { text: ' line', match: false },
    ]);
  });

  it('leaves an unclosed marker as plain text and an empty snippet as no pieces', () => {
    expect(snippetSegments(`a ${open}b`, open, close)).toEqual([{ text: `a ${open}b`, match: false }]);
    expect(snippetSegments('', open, close)).toEqual([]);
  });
});

describe('shorten', () => {
  it('keeps short text and shortens long text by code points, never halving an emoji', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('😀'.repeat(10), 10)).toBe('😀'.repeat(10));
    expect(shorten('😀'.repeat(11), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(shorten(`${'a'.repeat(5000)}`, 160)).toHaveLength(160);
  });
});
