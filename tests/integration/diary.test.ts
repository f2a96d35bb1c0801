import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput, SearchResult } from '../../src-main/contract';
import { openVaultDatabase, type VaultDatabase } from '../../src-main/infra/vault/database';
import { migration001 } from '../../src-main/infra/vault/migrations/001-initial';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/infra/vault/migrations';
import {
  createDiarySearchRepository,
  RANK_WINDOW,
} from '../../src-main/infra/vault/repositories/diary-search-repository';
import { VAULT_FILE } from '../../src-main/infra/vault/vault';
import { hostileString } from '../helpers/arbitraries';
import { tempDir } from '../helpers/host-harness';
import { allEntries, createVaultApi, diaryEntry, openVaultApi, type VaultApi } from '../helpers/vault-api';
import { unwrapVaultKey } from '../helpers/vault-files';
import { createTestVault } from '../helpers/vault-harness';

const PASSPHRASE = 'correct horse battery';
const MINUTE = 60_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A real vault (real SQLite cipher, real scrypt) in a fresh folder, behind the real dispatcher. */
async function createdVault() {
  const opened = openVaultApi('stillroom-diary-', cleanups);
  await opened.api.value('vault.create', { passphrase: PASSPHRASE });
  return opened;
}

/** A second connection to the vault's database, opened exactly as the vault opens its own. */
async function secondConnection(dataDir: string): Promise<VaultDatabase> {
  const key = await unwrapVaultKey(dataDir, PASSPHRASE);
  const db = openVaultDatabase(join(dataDir, VAULT_FILE), key);
  key.fill(0);
  cleanups.push(() => db.close());
  return db;
}

/** FTS5's own check of the index against its content, and every diary row indexed exactly once. */
function expectIndexInStep(db: VaultDatabase): void {
  expect(() =>
    db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`),
  ).not.toThrow();
  const counts = db
    .prepare<[], { docs: number; indexed: number; rows: number; orphans: number }>(
      `SELECT (SELECT count(*) FROM search_docs) AS docs,
              (SELECT count(*) FROM search_index) AS indexed,
              (SELECT count(*) FROM stress_entries) + (SELECT count(*) FROM thought_records) AS rows,
              (SELECT count(*) FROM search_docs AS d
                 WHERE NOT EXISTS (SELECT 1 FROM stress_entries WHERE d.kind = 'stress' AND id = d.ref_id)
                   AND NOT EXISTS (SELECT 1 FROM thought_records WHERE d.kind = 'thought' AND id = d.ref_id)
              ) AS orphans`,
    )
    .get();
  expect(counts).toMatchObject({ orphans: 0 });
  expect(counts?.docs).toBe(counts?.rows);
  expect(counts?.indexed).toBe(counts?.rows);
}

async function search(api: VaultApi, query: string, limit = 20): Promise<SearchResult[]> {
  return (await api.value('diary.search', { query, limit })).results;
}

const ids = (results: { id: string }[]) => results.map((result) => result.id);
const matched = (result: SearchResult | undefined) =>
  result?.snippet.filter((segment) => segment.match).map((segment) => segment.text) ?? [];

function entry(occurredAt: string, what: string, extra: Partial<CallInput<'diary.save'>> = {}) {
  return { occurredAt, stress: 4, what, ...extra };
}

describe('the encrypted database has what search needs', () => {
  it('FTS5 is compiled in, temp_store is MEMORY, and the index lives inside the encrypted file', async () => {
    const { dataDir } = await createdVault();
    const db = await secondConnection(dataDir);
    const options = (db.pragma('compile_options') as { compile_options: string }[]).map(
      (r) => r.compile_options,
    );
    expect(options).toContain('ENABLE_FTS5');
    // 2 = MEMORY: sorts and temp tables (FTS5 ranking included) never spill plaintext to disk.
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The FTS5 shadow tables are ordinary tables of this (encrypted) database, not another file.
    const shadow = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE name LIKE 'search_index%' ORDER BY name`,
      )
      .all()
      .map((row) => row.name);
    expect(shadow).toEqual(
      expect.arrayContaining([
        'search_index',
        'search_index_content',
        'search_index_data',
        'search_index_docsize',
      ]),
    );
    // Only the vault file itself (and an in-memory temp schema, which has no file).
    const files = (db.prepare(`PRAGMA database_list`).all() as { name: string; file: string }[]).map(
      (d) => `${d.name}:${d.file}`,
    );
    expect(files.filter((file) => !file.startsWith('temp:'))).toEqual([`main:${join(dataDir, VAULT_FILE)}`]);
    expect(files.filter((file) => file.startsWith('temp:'))).toEqual(
      files.some((f) => f.startsWith('temp:')) ? ['temp:'] : [],
    );
  });
});

describe('stress diary: edit, delete and undo', () => {
  it('edits an entry in place: same id and createdAt, a new updatedAt', async () => {
    const { api, clock } = await createdVault();
    const saved = await api.value('diary.save', diaryEntry(1));
    clock.advance(5 * MINUTE);

    const edited = await api.value('diary.save', {
      ...diaryEntry(1),
      id: saved.id,
      stress: 2,
      what: 'Calmer now',
    });

    expect(edited).toEqual({
      ...saved,
      stress: 2,
      what: 'Calmer now',
      updatedAt: new Date(clock.now()).toISOString(),
    });
    expect(await allEntries(api)).toEqual([edited]);
    const missing = await api.error('diary.save', {
      ...diaryEntry(1),
      id: '123e4567-e89b-42d3-a456-426614174000',
    });
    expect(missing.code).toBe('not_found');
    expect(await allEntries(api)).toEqual([edited]);
  });

  it('delete answers the entry, and restore puts it back exactly, once', async () => {
    const { api, clock } = await createdVault();
    const [first, second, third] = [
      await api.value('diary.save', diaryEntry(1)),
      await api.value('diary.save', diaryEntry(2)),
      await api.value('diary.save', diaryEntry(3)),
    ];
    clock.advance(10 * MINUTE);
    await api.value('diary.save', { ...diaryEntry(2, { what: 'Edited before deleting' }), id: second.id });
    const before = await allEntries(api);

    const deleted = await api.value('diary.delete', { id: second.id });
    expect(deleted).toEqual(before.find((e) => e.id === second.id));
    expect(deleted.updatedAt).not.toBe(deleted.createdAt);
    expect(ids(await allEntries(api))).toEqual([third.id, first.id]);
    expect((await api.error('diary.delete', { id: second.id })).code).toBe('not_found');

    clock.advance(60 * MINUTE);
    const restored = await api.value('diary.restore', deleted);

    // Same id, same times (not the time of the undo), same words, in its place in the list.
    expect(restored).toEqual(deleted);
    expect(await allEntries(api)).toEqual(before);

    const again = await api.error('diary.restore', deleted);
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/already there/);
    // An entry that was never deleted cannot be "restored" over itself either.
    const over = await api.error('diary.restore', { ...first, what: 'Overwritten?' });
    expect(over.code).toBe('conflict');
    expect(await allEntries(api)).toEqual(before);
    expect(api.internalErrors).toEqual([]);
  });

  it('restore checks the entry like a save does, and keeps the instant of an offset time', async () => {
    const { api } = await createdVault();
    const deleted = await api.value('diary.delete', {
      id: (await api.value('diary.save', diaryEntry(1))).id,
    });

    for (const broken of [
      { ...deleted, what: '   ' },
      { ...deleted, stress: 11 },
      { ...deleted, id: 'not-a-uuid' },
      { ...deleted, createdAt: 'yesterday' },
      { ...deleted, extra: true },
    ]) {
      expect((await api.error('diary.restore', broken as CallInput<'diary.restore'>)).code).toBe(
        'invalid_input',
      );
    }
    const { updatedAt: _left, ...withoutUpdatedAt } = deleted;
    expect(
      (await api.error('diary.restore', withoutUpdatedAt as CallInput<'diary.restore'>)).message,
    ).toMatch(/updatedAt/);
    expect(await allEntries(api)).toEqual([]);

    const restored = await api.value('diary.restore', { ...deleted, createdAt: '2026-11-26T10:00:00+01:00' });
    expect(restored.createdAt).toBe('2026-11-26T09:00:00.000Z');
  });

  it('is locked with the vault', async () => {
    const { api } = await createdVault();
    const deleted = await api.value('diary.delete', {
      id: (await api.value('diary.save', diaryEntry(1))).id,
    });
    await api.value('vault.lock', {});
    expect((await api.error('diary.restore', deleted)).code).toBe('locked');
    expect((await api.error('diary.search', { query: 'meeting' })).code).toBe('locked');
    await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(await api.value('diary.restore', deleted)).toEqual(deleted);
  });
});

describe('stress diary: browsing by week, [from, to)', () => {
  // The week of Monday 23 November 2026 in London winter time (+00:00) as a page in Paris
  // (+01:00) would ask for it: Monday 00:00 to the next Monday 00:00, local time.
  const from = '2026-11-23T00:00:00+01:00';
  const to = '2026-11-30T00:00:00+01:00';

  async function weekOfEntries() {
    const opened = await createdVault();
    const save = (occurredAt: string, what: string) =>
      opened.api.value('diary.save', entry(occurredAt, what));
    const entries = {
      sundayBefore: await save('2026-11-22T22:59:59.999Z', 'Sunday night, last ms before the week'),
      mondayStart: await save('2026-11-22T23:00:00.000Z', 'Monday 00:00 local, the first instant'),
      wednesday: await save('2026-11-25T12:00:00+01:00', 'Wednesday lunch'),
      sundayEnd: await save('2026-11-29T22:59:59.999Z', 'Sunday 23:59:59.999 local, the last instant'),
      nextMonday: await save('2026-11-29T23:00:00.000Z', 'Next Monday 00:00 local, not in the week'),
    };
    return { ...opened, entries };
  }

  it('includes the first instant of the week and excludes the first instant of the next', async () => {
    const { api, entries } = await weekOfEntries();

    const week = await api.value('diary.list', { from, to });

    expect(ids(week.entries)).toEqual([entries.sundayEnd.id, entries.wednesday.id, entries.mondayStart.id]);
    expect(week.total).toBe(3);
    // Stored and answered in UTC, whatever offset the time was given in.
    expect(entries.wednesday.occurredAt).toBe('2026-11-25T11:00:00.000Z');
  });

  it('pages back through a week with before and limit; total counts the whole week', async () => {
    const { api, entries } = await weekOfEntries();

    const first = await api.value('diary.list', { from, to, limit: 2 });
    expect(ids(first.entries)).toEqual([entries.sundayEnd.id, entries.wednesday.id]);
    expect(first.total).toBe(3);

    const next = await api.value('diary.list', { from, to, limit: 2, before: entries.wednesday.occurredAt });
    expect(ids(next.entries)).toEqual([entries.mondayStart.id]);
    expect(next.total).toBe(3);

    // `before` later than `to` changes nothing; only `from`, only `to` and neither also work.
    expect(
      ids((await api.value('diary.list', { from, to, before: '2027-01-01T00:00:00Z' })).entries),
    ).toEqual(ids((await api.value('diary.list', { from, to })).entries));
    expect((await api.value('diary.list', { from })).total).toBe(4);
    expect((await api.value('diary.list', { to })).total).toBe(4);
    expect((await api.value('diary.list', {})).total).toBe(5);
  });

  it('browses the week the clocks go back (Europe/London, 25 October 2026)', async () => {
    const { api } = await createdVault();
    const inside = await api.value('diary.save', entry('2026-10-25T23:59:00+00:00', 'After the change'));
    const before = await api.value('diary.save', entry('2026-10-19T00:30:00+01:00', 'Monday, summer time'));
    await api.value('diary.save', entry('2026-10-26T00:00:00+00:00', 'Next Monday'));

    const week = await api.value('diary.list', {
      from: '2026-10-19T00:00:00+01:00',
      to: '2026-10-26T00:00:00+00:00',
    });

    expect(ids(week.entries)).toEqual([inside.id, before.id]);
  });

  it('refuses a span that ends before it starts, naming the field', async () => {
    const { api } = await createdVault();
    for (const span of [
      { from: to, to: from },
      { from, to: from },
      { from: '2026-11-23T00:00:00Z', to: '2026-11-23T01:00:00+01:00' },
    ]) {
      const error = await api.error('diary.list', span);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/to: Must be later than from/);
    }
    expect((await api.error('diary.list', { from: 'monday' })).message).toMatch(/from/);
  });
});

describe('search', () => {
  it('ranks a match in what happened above one in the text, and a short entry above a long one', async () => {
    const { api } = await createdVault();
    const long = await api.value(
      'diary.save',
      entry('2026-11-20T09:00:00Z', 'Commute', {
        thoughts: `${'The train was late and crowded again. '.repeat(30)}Then the review.`,
      }),
    );
    const short = await api.value(
      'diary.save',
      entry('2026-11-21T09:00:00Z', 'Lunch', { thoughts: 'The review went fine after all' }),
    );
    const title = await api.value('diary.save', entry('2026-11-19T09:00:00Z', 'Quarterly review with Sam'));
    await api.value('diary.save', entry('2026-11-22T09:00:00Z', 'Nothing to do with it'));

    const results = await search(api, 'review');

    expect(ids(results)).toEqual([title.id, short.id, long.id]);
    expect(results[1]).toEqual({
      kind: 'stress',
      id: short.id,
      occurredAt: '2026-11-21T09:00:00.000Z',
      title: 'Lunch',
      snippet: [
        { text: 'The ', match: false },
        { text: 'review', match: true },
        { text: ' went fine after all', match: false },
      ],
    });
    expect(matched(results[0])).toEqual(['review']);
    expect(results[2]?.snippet[0]?.text.startsWith('…')).toBe(true);
    expect(await search(api, 'review', 2)).toHaveLength(2);
  });

  it('searches as you type: the last word is a prefix until a space ends it', async () => {
    const { api } = await createdVault();
    const meeting = await api.value('diary.save', entry('2026-11-20T09:00:00Z', 'Meeting with my manager'));
    const meetup = await api.value('diary.save', entry('2026-11-21T09:00:00Z', 'Meetup after work'));

    expect(ids(await search(api, 'mee')).sort()).toEqual([meeting.id, meetup.id].sort());
    expect(ids(await search(api, 'meeting'))).toEqual([meeting.id]);
    expect(ids(await search(api, 'mee '))).toEqual([]);
    expect(ids(await search(api, 'meeting man'))).toEqual([meeting.id]);
    expect(ids(await search(api, 'work mee'))).toEqual([meetup.id]);
    expect(matched((await search(api, 'manag'))[0])).toEqual(['manager']);
    // One letter is a word of its own until the second comes.
    expect(await search(api, 'm')).toEqual([]);
    expect(await search(api, 'MEETING MANAGER')).toHaveLength(1);
  });

  it('finds words whatever their accents or case, and emoji, with whole characters in snippets', async () => {
    const { api } = await createdVault();
    const cafe = await api.value(
      'diary.save',
      entry('2026-11-20T09:00:00Z', 'Café with Zoë and the naïve new hire', { thoughts: 'Стресс на работе' }),
    );
    const plain = await api.value('diary.save', entry('2026-11-21T09:00:00Z', 'Cafe queue was long'));
    const emoji = await api.value(
      'diary.save',
      entry('2026-11-22T09:00:00Z', 'Presentation went well 🎉', { body: 'then 😩 at 5pm 👩‍💻' }),
    );

    expect(ids(await search(api, 'cafe')).sort()).toEqual([cafe.id, plain.id].sort());
    expect(ids(await search(api, 'CAFÉ')).sort()).toEqual([cafe.id, plain.id].sort());
    expect(ids(await search(api, 'zoe'))).toEqual([cafe.id]);
    expect(ids(await search(api, 'Zoë naive'))).toEqual([cafe.id]);
    expect(ids(await search(api, 'стресс'))).toEqual([cafe.id]);
    expect(matched((await search(api, 'zoe'))[0])).toEqual(['Zoë']);

    const party = await search(api, '🎉');
    expect(ids(party)).toEqual([emoji.id]);
    expect(matched(party[0])).toEqual(['🎉']);
    expect(ids(await search(api, '😩 presentation'))).toEqual([emoji.id]);
    expect(ids(await search(api, '👩‍💻'))).toEqual([emoji.id]);
    expect(await search(api, '🦄')).toEqual([]);
    // Nothing is cut in half: every snippet is well-formed text.
    for (const result of await search(api, 'then')) {
      for (const segment of result.snippet) expect(segment.text).not.toMatch(/\p{Cs}/u);
    }
  });

  it('answers hostile queries as words: never a syntax error, never `internal`', async () => {
    const { api } = await createdVault();
    const operators = await api.value(
      'diary.save',
      entry('2026-11-20T09:00:00Z', 'OR NEAR AND NOT', { thoughts: 'title: body * ^ - + " ( ) {x}' }),
    );
    await api.value('diary.save', entry('2026-11-21T09:00:00Z', 'An ordinary day'));

    const hostile = [
      '"',
      '""',
      '"""',
      '*',
      '**',
      'NEAR(',
      'NEAR(a b',
      'NEAR(a b, 2)',
      'OR',
      'AND',
      'NOT',
      'a OR',
      'OR b',
      '-',
      '-day',
      ':',
      'title:',
      'title: day',
      '{title body}: day',
      '^',
      '^day',
      '(',
      ')',
      '(day',
      'day)',
      '"unbalanced',
      'unbalanced"',
      'day"s',
      "'",
      '\\',
      '\u0000',
      'day\u0000',
      '\uD800',
      '%',
      '_',
      '*day',
      'day*',
      'day * ordinary',
      '+',
      'rowid:1',
      'search_index',
      "'; DROP TABLE stress_entries; --",
      '<script>alert(1)</script>',
      '"'.repeat(1000),
      '('.repeat(1000),
      'NEAR('.repeat(200),
      'x'.repeat(1000),
      `${'ordinary '.repeat(110)}da`,
    ];
    for (const query of hostile) {
      const result = await api.call('diary.search', { query });
      expect(result, JSON.stringify(query.slice(0, 40))).toMatchObject({ ok: true });
    }
    // Operators typed are words searched for.
    for (const word of ['OR', 'NEAR', 'and not', 'title', '{x}']) {
      expect(ids(await search(api, `${word} `)), word).toEqual([operators.id]);
    }
    expect(ids(await search(api, 'ordinary OR nothing'))).toEqual([]);
    expect(ids(await search(api, '"ordinary day'))).toHaveLength(1);

    // Longer than a search box: refused with a clear error, not run.
    const long = await api.error('diary.search', { query: 'x'.repeat(10_000) });
    expect(long.code).toBe('invalid_input');
    expect(long.message).toMatch(/query/);

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString(80), fc.string({ unit: 'binary', maxLength: 80 })),
        async (query) => {
          const result = await api.call('diary.search', { query });
          expect(result.ok).toBe(true);
        },
      ),
      { seed: 20_261_126, numRuns: 300 },
    );
    expect(api.internalErrors).toEqual([]);
    expect(await allEntries(api)).toHaveLength(2);
  });

  it('keeps the index in step through edit, delete, restore, and a backup restored elsewhere', async () => {
    const { api, dataDir } = await createdVault();
    const saved = await api.value(
      'diary.save',
      entry('2026-11-20T09:00:00Z', 'alpha', { thoughts: 'bravo' }),
    );
    const other = await api.value(
      'diary.save',
      entry('2026-11-21T09:00:00Z', 'untouched', { actions: 'kilo' }),
    );
    expect(ids(await search(api, 'alpha '))).toEqual([saved.id]);
    expect(ids(await search(api, 'bravo '))).toEqual([saved.id]);

    const edited = await api.value('diary.save', {
      ...entry(saved.occurredAt, 'charlie'),
      id: saved.id,
      thoughts: 'delta',
    });
    expect(await search(api, 'alpha ')).toEqual([]);
    expect(await search(api, 'bravo ')).toEqual([]);
    expect(ids(await search(api, 'charlie '))).toEqual([saved.id]);
    expect(ids(await search(api, 'delta '))).toEqual([saved.id]);

    // An edit that leaves the words alone (the stress number) keeps them found.
    await api.value('diary.save', {
      ...entry(saved.occurredAt, 'charlie'),
      id: saved.id,
      thoughts: 'delta',
      stress: 9,
    });
    expect(ids(await search(api, 'charlie delta'))).toEqual([saved.id]);

    const deleted = await api.value('diary.delete', { id: saved.id });
    expect(await search(api, 'charlie')).toEqual([]);
    expect(await search(api, 'delta')).toEqual([]);

    await api.value('diary.restore', deleted);
    expect(ids(await search(api, 'charlie delta'))).toEqual([saved.id]);
    expect((await search(api, 'charlie'))[0]).toMatchObject({
      occurredAt: edited.occurredAt,
      title: 'charlie',
    });
    expect(ids(await search(api, 'kilo'))).toEqual([other.id]);

    // Many edits and deletes leave gaps that VACUUM INTO (backups) may renumber hidden rowids over.
    const many = [];
    for (let n = 0; n < 30; n++)
      many.push(await api.value('diary.save', diaryEntry(n, { what: `echo ${n}` })));
    for (const doomed of many.filter((_, n) => n % 3 === 0))
      await api.value('diary.delete', { id: doomed.id });
    expectIndexInStep(await secondConnection(dataDir));

    const backup = await api.value('vault.backup', {
      passphrase: 'backup passphrase 2026',
      target: await api.files.save('backup'),
    });
    const elsewhere = createVaultApi(createTestVault(tempDir('stillroom-diary-restored-')));
    cleanups.push(() => elsewhere.vault.close());
    await elsewhere.value('vault.restore', {
      file: await elsewhere.files.open('backup', api.files.pathOf(backup.file)),
      passphrase: 'backup passphrase 2026',
    });
    for (const query of ['charlie delta', 'kilo', 'echo', 'echo 7 ', 'echo 9 ']) {
      expect(await search(elsewhere, query, 50), query).toEqual(await search(api, query, 50));
    }
    expect(await search(elsewhere, 'echo 9 ')).toEqual([]);
    expect(ids(await search(elsewhere, 'echo 7 '))).toEqual([many[7]?.id]);
    expect(api.internalErrors).toEqual([]);
  });

  it("removes a deleted or edited entry's words from the index itself (secure-delete)", async () => {
    const { api, dataDir } = await createdVault();
    const db = await secondConnection(dataDir);
    const inIndex = (word: string) =>
      (
        db
          .prepare<[Buffer], { n: number }>(
            'SELECT count(*) AS n FROM search_index_data WHERE instr(block, ?) > 0',
          )
          .get(Buffer.from(word)) as { n: number }
      ).n > 0;
    const saved = await api.value('diary.save', entry('2026-11-20T09:00:00Z', 'xylophonic quartzite'));
    await api.value('diary.save', entry('2026-11-21T09:00:00Z', 'keeps the index busy'));
    expect(inIndex('xylophonic')).toBe(true);

    await api.value('diary.save', { ...entry(saved.occurredAt, 'quartzite only'), id: saved.id });
    expect(inIndex('xylophonic')).toBe(false);
    expect(inIndex('quartzite')).toBe(true);
    await api.value('diary.delete', { id: saved.id });
    expect(inIndex('quartzite')).toBe(false);

    // The control: without secure-delete, FTS5 only marks the words deleted and they stay in
    // the index pages (which a backup would copy) until a merge happens to rewrite them.
    const control = new Database(':memory:');
    cleanups.push(() => control.close());
    for (const migration of MIGRATIONS) migration.up(control);
    control.exec(`INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 0)`);
    const add = control.prepare(
      `INSERT INTO stress_entries (id, occurred_at, stress, what, created_at, updated_at) VALUES (?, '', 1, ?, '', '')`,
    );
    add.run('a', 'xylophonic');
    add.run('b', 'other words');
    control.prepare(`DELETE FROM stress_entries WHERE id = 'a'`).run();
    const lingering = control
      .prepare<[Buffer], { n: number }>(
        'SELECT count(*) AS n FROM search_index_data WHERE instr(block, ?) > 0',
      )
      .get(Buffer.from('xylophonic'));
    expect(lingering?.n).toBeGreaterThan(0);
  });

  it('searches thought records with stress entries, each with its kind', async () => {
    const { api } = await createdVault();
    const stress = await api.value('diary.save', entry('2026-11-20T09:00:00Z', 'Appraisal meeting'));
    const record = await api.value('thoughts.save', {
      occurredAt: '2026-11-21T09:00:00Z',
      situation: 'Before my appraisal',
      automaticThoughts: [{ text: 'They will say I am not good enough', belief: 70 }],
      emotions: [{ name: 'dread', intensity: 80 }],
      balancedThought: 'I have had good feedback on two projects',
    });
    const untitled = await api.value('thoughts.save', {
      automaticThoughts: [{ text: 'Appraisal again, and I have nothing to show', belief: null }],
    });

    const results = await search(api, 'appraisal');
    expect(results.map((r) => [r.kind, r.id]).sort()).toEqual(
      [
        ['stress', stress.id],
        ['thought', record.id],
        ['thought', untitled.id],
      ].sort(),
    );
    expect(results.find((r) => r.id === record.id)).toMatchObject({
      kind: 'thought',
      occurredAt: '2026-11-21T09:00:00.000Z',
      title: 'Before my appraisal',
    });
    // A draft with no situation yet is titled by its first thought.
    expect(results.find((r) => r.id === untitled.id)?.title).toBe(
      'Appraisal again, and I have nothing to show',
    );
    expect(ids(await search(api, 'dread'))).toEqual([record.id]);
    expect(matched((await search(api, 'feedback'))[0])).toEqual(['feedback']);
  });

  it('shortens long titles by whole characters', async () => {
    const { api } = await createdVault();
    await api.value('diary.save', entry('2026-11-20T09:00:00Z', `${'😀 word '.repeat(200)}end`));
    const [result] = await search(api, 'word');
    expect(Array.from(result?.title ?? '')).toHaveLength(160);
    expect(result?.title.endsWith('…')).toBe(true);
    expect(result?.title).not.toMatch(/\p{Cs}/u);
  });
});

describe('migration 2 on an existing vault', () => {
  it('indexes the entries a version 1 vault already had, and search works at once', () => {
    const dir = tempDir('stillroom-migrate-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, VAULT_FILE);
    const key = randomBytes(32);
    // A vault as version 1 wrote it: encrypted, schema 1, entries.
    const v1 = new Database(path);
    v1.pragma(`cipher = 'chacha20'`);
    v1.pragma(`key = "x'${key.toString('hex')}'"`);
    v1.transaction(() => {
      migration001.up(v1);
      v1.pragma('user_version = 1');
    })();
    const insert = v1.prepare(
      `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
       VALUES (?, ?, 5, ?, '', ?, '', ?, ?)`,
    );
    for (let n = 0; n < 50; n++) {
      const at = new Date(Date.UTC(2025, 0, 1 + n)).toISOString();
      insert.run(
        `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        at,
        `Old entry ${n}`,
        n === 7 ? 'golf' : 'tee',
        at,
        at,
      );
    }
    v1.close();

    const db = openVaultDatabase(path, key);
    cleanups.push(() => db.close());

    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const results = createDiarySearchRepository(db).search({ query: 'golf', limit: 10 });
    expect(results).toEqual([
      {
        kind: 'stress',
        id: '00000000-0000-4000-8000-000000000007',
        occurredAt: '2025-01-08T00:00:00.000Z',
        title: 'Old entry 7',
        snippet: [{ text: 'golf', match: true }],
      },
    ]);
    expect(createDiarySearchRepository(db).search({ query: 'old entry', limit: 100 })).toHaveLength(50);
    expectIndexInStep(db);
  });
});

describe('ranking among many matches', () => {
  it(`ranks among the ${RANK_WINDOW} most recent matches of a very common word, and finds rare words anywhere`, () => {
    const dir = tempDir('stillroom-window-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openVaultDatabase(join(dir, VAULT_FILE), randomBytes(32), { create: true });
    cleanups.push(() => db.close());
    const insert = db.prepare(
      `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
       VALUES (?, ?, 5, ?, '', ?, '', ?, ?)`,
    );
    const total = RANK_WINDOW + 500;
    db.transaction(() => {
      for (let n = 0; n < total; n++) {
        const at = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString();
        // The oldest entry says "common" most often, so it would win a global ranking.
        const thoughts = n === 0 ? 'common common common common' : n === 10 ? 'rare' : 'common';
        insert.run(`id-${n}`, at, `Entry ${n}`, thoughts, at, at);
      }
    })();
    const diary = createDiarySearchRepository(db);

    const common = diary.search({ query: 'common', limit: 50 });
    expect(common).toHaveLength(50);
    const oldestRanked = Math.min(...common.map((r) => Number(r.id.slice(3))));
    expect(oldestRanked).toBeGreaterThanOrEqual(total - RANK_WINDOW);
    expect(ids(diary.search({ query: 'rare', limit: 50 }))).toEqual(['id-10']);
    // With fewer matches than the window, the oldest entry's four mentions win.
    expect(ids(diary.search({ query: 'common entry 0 ', limit: 1 }))).toEqual(['id-0']);
  });
});

describe('the Api shape', () => {
  it('answers search results that are plain data: text pieces, never markup', async () => {
    const { api } = await createdVault();
    await api.value(
      'diary.save',
      entry('2026-11-20T09:00:00Z', '<b>bold</b> & <i>brave</i> <script>x</script>'),
    );
    const [result] = await search(api, 'brave');
    const output: CallOutput<'diary.search'>['results'][number] | undefined = result;
    expect(output?.snippet.map((s) => s.text).join('')).toBe('<b>bold</b> & <i>brave</i> <script>x</script>');
    expect(matched(result)).toEqual(['brave']);
  });
});
