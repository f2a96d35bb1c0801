import { randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, Result } from '../../src-main/contract';
import Database from 'better-sqlite3-multiple-ciphers';
import { stressEntryInputSchema, thoughtRecordInputSchema } from '../../src-main/contract';
import { openVaultDatabase, type VaultDatabase } from '../../src-main/infra/vault/database';
import { MIGRATIONS } from '../../src-main/infra/vault/migrations';
import { createStressDiaryRepository } from '../../src-main/infra/vault/repositories/stress-diary-repository';
import { createThoughtRecordRepository } from '../../src-main/infra/vault/repositories/thought-record-repository';
import { createLibraryRepository } from '../../src-main/infra/vault/repositories/library-repository';
import { VAULT_FILE } from '../../src-main/infra/vault/vault';
import { browserTarget, downloadSaved, startTestHost, tempDir, TEST_TOKEN } from '../helpers/host-harness';
import { diaryEntry } from '../helpers/vault-api';
import { findMarker, listFiles, markerIn, unwrapVaultKey } from '../helpers/vault-files';

type Host = Awaited<ReturnType<typeof startTestHost>>;

const PASSPHRASE = 'correct horse battery';
const MARKER = `MARKER-${randomBytes(12).toString('hex')}`;

async function call<C extends CallName>(host: Host, name: C, input: CallInput<C>): Promise<CallOutput<C>> {
  const response = await fetch(`${host.base}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<CallOutput<C>>;
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Where SQLite would put temp files: SQLITE_TMPDIR, TMPDIR, then /var/tmp, /usr/tmp, /tmp (unix
 * VFS order), plus whatever Node calls the temp folder.
 */
const TEMP_FOLDERS = [
  ...new Set(
    [process.env.SQLITE_TMPDIR, process.env.TMPDIR, '/var/tmp', '/usr/tmp', '/tmp', tmpdir()].filter(
      (dir): dir is string => dir !== undefined && existsSync(dir),
    ),
  ),
];

function sqliteTempFiles(): string[] {
  return TEMP_FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.startsWith('etilqs_'))
      .map((name) => join(dir, name)),
  ).sort();
}

/**
 * Files this process holds open, by descriptor (Linux). SQLite unlinks its temp files the moment
 * it opens them, so listing folders cannot see a spill; the open descriptor can, and can be read.
 */
function openFiles(): Map<string, string> {
  const open = new Map<string, string>();
  if (process.platform !== 'linux') return open;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      open.set(fd, readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // Closed between listing and reading (the directory listing's own descriptor).
    }
  }
  return open;
}

/** Files opened since `before` that are temp files or hold the marker, described for a failure. */
function newSpills(before: Map<string, string>): string[] {
  const spills: string[] = [];
  for (const [fd, target] of openFiles()) {
    if (before.get(fd) === target || !target.startsWith('/') || target.startsWith('/dev/')) continue;
    let found: string[] = [];
    try {
      found = markerIn(readFileSync(`/proc/self/fd/${fd}`), MARKER);
    } catch {
      // Not a regular file.
    }
    if (/etilqs_/.test(target) || found.length > 0) spills.push(`${target} [${found.join(', ')}]`);
  }
  return spills;
}

/** Runs a sort no index can answer, with no LIMIT, over every row; returns what it saw open mid-sort. */
function bigSort(db: VaultDatabase): { rows: number; spills: string[] } {
  const before = openFiles();
  const rows = db
    .prepare<[], { what: string }>(
      `SELECT what, body, thoughts FROM stress_entries ORDER BY substr(thoughts, 7) || what DESC`,
    )
    .iterate();
  // The sorter is done once the first row is out, and its spill files (if any) stay open until the end.
  let count = rows.next().done ? 0 : 1;
  const spills = newSpills(before);
  for (const _row of rows) count += 1;
  return { rows: count, spills };
}

describe('nothing personal reaches the disk in plaintext', () => {
  let host: Host;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir('stillroom-privacy-');
    host = await startTestHost(dataDir);
  });

  afterAll(async () => {
    await call(host, 'vault.lock', {}).catch(() => undefined);
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the scan finds the marker in every encoding it looks for, in nested folders too', () => {
    const canary = tempDir('stillroom-canary-');
    try {
      mkdirSync(join(canary, 'a', 'b'), { recursive: true });
      writeFileSync(join(canary, 'plain.txt'), `x${MARKER}y`);
      writeFileSync(join(canary, 'a', 'wide.bin'), Buffer.from(`..${MARKER}..`, 'utf16le'));
      writeFileSync(join(canary, 'a', 'b', 'hex.txt'), Buffer.from(MARKER).toString('hex'));
      writeFileSync(join(canary, 'clean.txt'), MARKER.slice(0, -1));
      expect(findMarker(canary, MARKER)).toEqual([
        'a/b/hex.txt (hex)',
        'a/wide.bin (utf-16le)',
        'plain.txt (utf-8)',
      ]);
    } finally {
      rmSync(canary, { recursive: true, force: true });
    }
  });

  it('diary entries, settings, a backup, lock and unlock over HTTP leave no plaintext in the data folder', async () => {
    const { recoveryCode } = await call(host, 'vault.create', { passphrase: PASSPHRASE });
    expect(recoveryCode).toBeTruthy();
    const saved = [];
    saved.push(await call(host, 'diary.save', diaryEntry(1, { what: `${MARKER} in what` })));
    saved.push(await call(host, 'diary.save', diaryEntry(2, { body: `tense jaw ${MARKER}` })));
    saved.push(
      await call(host, 'diary.save', diaryEntry(3, { thoughts: `${MARKER} — «følt» ${'x'.repeat(3000)}` })),
    );
    saved.push(await call(host, 'diary.save', diaryEntry(4, { actions: `${MARKER}${MARKER}` })));
    const all = { what: MARKER, body: MARKER, thoughts: MARKER, actions: MARKER };
    saved.push(await call(host, 'diary.save', diaryEntry(5, all)));
    // Edited and deleted text must not linger in free pages either.
    await call(host, 'diary.save', { ...diaryEntry(2), id: saved[1]?.id, body: 'nothing to see' });
    await call(host, 'diary.delete', { id: saved[4]?.id ?? '' });
    await call(host, 'settings.update', { theme: 'dark' });
    await call(host, 'vault.setAutoLock', { minutes: 30 });
    const backup = await call(host, 'vault.backup', {
      passphrase: 'backup passphrase 2026',
      target: await browserTarget(host.base, 'backup'),
    });
    // The browser host holds the backup in memory for its one download: nothing in the data folder.
    expect(backup.file.folder).toBeNull();
    const downloaded = Buffer.from(await (await downloadSaved(host.base, backup.file.id)).arrayBuffer());
    expect(downloaded.length).toBe(backup.file.bytes);
    expect(markerIn(downloaded, MARKER)).toEqual([]);
    expect((await downloadSaved(host.base, backup.file.id)).status).toBe(404);

    const whileOpen = listFiles(dataDir);
    expect(whileOpen).toEqual(expect.arrayContaining(['vault.db', 'vault.db-wal', 'keyring.json']));
    expect(whileOpen.some((file) => file.endsWith('.stillroom-backup'))).toBe(false);
    expect(whileOpen.some((file) => file.startsWith('settings'))).toBe(true);
    expect(findMarker(dataDir, MARKER)).toEqual([]);

    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(findMarker(dataDir, MARKER)).toEqual([]);

    // The marker really is stored: the scan above had something to find.
    const listed = await call(host, 'diary.list', { limit: 50 });
    expect(listed.total).toBe(4);
    expect(JSON.stringify(listed.entries).split(MARKER).length - 1).toBe(4);
  });

  it('a safety plan and check-in answers leave no plaintext either', async () => {
    const plan = {
      warningSigns: `${MARKER} when I stop sleeping`,
      copingSteps: MARKER,
      distractions: '',
      peopleToAsk: `My sister ${MARKER}`,
      professionals: '',
      saferSurroundings: '',
      reasonsToKeepGoing: MARKER,
    };
    expect((await call(host, 'safety.savePlan', plan)).plan).toEqual(plan);
    const scored = await call(host, 'measures.submit', {
      measureId: 'phq-9',
      answers: { q1: 0, q2: 1, q3: 0, q4: 2, q5: 0, q6: 1, q7: 0, q8: 0, q9: 1 },
    });
    expect(scored.status).toBe('scored');
    expect((await call(host, 'safety.getPlan', {})).plan).toEqual(plan);
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
  });

  it('reminder labels, quiet hours, the Monday message and the calendar file leave no plaintext either', async () => {
    const saved = await call(host, 'reminders.saveRule', {
      label: `${MARKER} before the one-to-one`,
      target: 'checkin',
      frequency: { kind: 'weekly', days: ['mon', 'thu'] },
      time: '09:30',
      endDate: null,
      enabled: true,
    });
    expect(saved.rules[0]?.label).toBe(`${MARKER} before the one-to-one`);
    await call(host, 'reminders.setPreferences', { quietHours: { start: '21:00', end: '07:30' } });
    await call(host, 'monday.setPreferences', { enabled: true, time: '08:45' });
    const ics = await call(host, 'reminders.exportIcs', {
      ruleId: saved.rules[0]?.id ?? '',
      target: await browserTarget(host.base, 'calendar'),
    });
    expect(await (await downloadSaved(host.base, ics.file.id)).text()).not.toContain(MARKER);
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect((await call(host, 'reminders.get', {})).rules[0]?.label).toContain(MARKER);
  });

  it('course answers, progress and the course profile leave no plaintext either', async () => {
    await call(host, 'course.openStep', { moduleId: 'm1', stepId: 'stress-signature' });
    const answers = {
      body: ['headaches'],
      thoughts: [MARKER, `I will never finish ${MARKER}`],
      behaviour: [MARKER],
      'first-sign': `${MARKER} ${'«følt» '.repeat(100)}`,
    };
    await call(host, 'course.saveAnswers', { moduleId: 'm1', stepId: 'stress-signature', answers });
    // Edited text must not linger either.
    await call(host, 'course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      answers: { what: `${MARKER} draft`, stress: 4 },
    });
    await call(host, 'course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      answers: { what: `${MARKER} train`, stress: 5 },
    });
    await call(host, 'course.completeStep', { moduleId: 'm1', stepId: 'stress-signature', secondsSpent: 60 });
    await call(host, 'course.saveProfile', {
      focusAreas: ['sleep'],
      minutesPerWeek: 20,
      baselineResultId: null,
      support: 'on-my-own',
    });
    const module = await call(host, 'course.module', { moduleId: 'm1' });
    const stored = JSON.stringify(module.module.steps.map((s) => s.progress.answers));
    expect(stored.split(MARKER).length - 1).toBe(5);
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
  });

  it('thought records and the search index leave no plaintext either', async () => {
    // One word the search index keeps as a single token (the marker itself is two: "marker" and
    // its hex), so the scan can look for the index's own copy of a word, not only for the text.
    const indexWord = `zzindex${randomBytes(12).toString('hex')}`;
    const record = await call(host, 'thoughts.save', {
      status: 'complete',
      situation: `${MARKER} at the stand-up`,
      automaticThoughts: [{ text: `They all think ${indexWord}`, belief: 70 }],
      emotions: [{ name: `${MARKER}`, intensity: 60 }],
      thinkingTraps: ['mind-reading'],
      evidenceFor: `${MARKER} ${'«følt» '.repeat(200)}`,
      evidenceAgainst: MARKER,
      balancedThought: `${MARKER} ${indexWord}`,
      rerated: { belief: 20, emotions: [{ name: MARKER, intensity: 30 }] },
    });
    // A draft, autosaved a few times, then deleted: its words must not linger anywhere readable.
    const draft = await call(host, 'thoughts.save', { situation: `${MARKER} draft` });
    for (let n = 0; n < 5; n++) {
      await call(host, 'thoughts.save', { id: draft.id, situation: `${MARKER} draft ${indexWord} ${n}` });
    }
    await call(host, 'thoughts.delete', { id: draft.id });
    // A stress entry edited to hold the index word (the number of entries stays as it was).
    const [entry] = (await call(host, 'diary.list', { limit: 1 })).entries;
    if (!entry) throw new Error('an entry was expected');
    const { id, createdAt: _c, updatedAt: _u, ...fields } = entry;
    await call(host, 'diary.save', { ...fields, id, thoughts: `${fields.thoughts} ${indexWord}` });

    // The words really are stored and indexed: searches find them.
    const found = await call(host, 'diary.search', { query: indexWord, limit: 10 });
    expect(found.results.map((r) => r.kind).sort()).toEqual(['stress', 'thought']);
    expect((await call(host, 'diary.search', { query: MARKER, limit: 50 })).results.length).toBeGreaterThan(
      1,
    );
    expect((await call(host, 'thoughts.get', { id: record.id })).record).toMatchObject({
      evidenceAgainst: MARKER,
    });

    const suffix = indexWord.slice('zzindex'.length);
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    expect(findMarker(dataDir, suffix)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    expect(findMarker(dataDir, suffix)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(findMarker(dataDir, suffix)).toEqual([]);

    // The control: the same writes in plain SQLite put both words in the index's own pages, so
    // the scan above would have seen an unencrypted index.
    const scratch = tempDir('stillroom-fts-control-');
    try {
      const path = join(scratch, 'plain.db');
      const plain = new Database(path);
      for (const migration of MIGRATIONS) migration.up(plain);
      const clock = { now: () => Date.now() };
      createStressDiaryRepository(plain, clock).save(
        stressEntryInputSchema.parse(diaryEntry(1, { thoughts: `${MARKER} ${indexWord}` })),
      );
      createThoughtRecordRepository(plain, clock).save(
        thoughtRecordInputSchema.parse({ balancedThought: `${MARKER} ${indexWord}` }),
      );
      const pagesOf = (table: string) =>
        plain
          .prepare<[string], { pageno: number }>('SELECT pageno FROM dbstat WHERE name = ?')
          .all(table)
          .map((row) => row.pageno);
      const pageSize = plain.pragma('page_size', { simple: true }) as number;
      const data = pagesOf('search_index_data');
      const content = pagesOf('search_index_content');
      plain.close();
      const file = readFileSync(path);
      const pages = (numbers: number[]) =>
        Buffer.concat(numbers.map((n) => file.subarray((n - 1) * pageSize, n * pageSize)));
      expect(markerIn(pages(data), suffix)).toContain('utf-8');
      expect(markerIn(pages(content), MARKER)).toContain('utf-8');
      expect(findMarker(scratch, suffix).length).toBeGreaterThan(0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('what the library holds (bookmarks, reads, read later, its search index) leaves no plaintext either', async () => {
    // Article ids and titles are public, but which ones a person keeps or reads is personal.
    await call(host, 'library.bookmark', { id: 'money-worries', on: true });
    await call(host, 'library.readLater', { id: 'returning-after-absence', on: true });
    await call(host, 'library.markRead', { id: 'burnout-signs' });
    const found = await call(host, 'library.search', { query: 'money on your mind', limit: 5 });
    expect(found.results[0]?.article.id).toBe('money-worries');
    const needles = [
      'money-worries',
      'returning-after-absence',
      'burnout-signs',
      'When money is on your mind',
    ];
    const scan = () => needles.flatMap((needle) => findMarker(dataDir, needle));
    expect(scan()).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(scan()).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const states = (await call(host, 'library.list', {})).articles.filter(
      (article) => article.state.bookmarked || article.state.readLater || article.state.readAt,
    );
    expect(states.map((article) => article.id).sort()).toEqual([
      'burnout-signs',
      'money-worries',
      'returning-after-absence',
    ]);

    // The control: the same in plain SQLite leaves the ids and the title readable in the file.
    const scratch = tempDir('stillroom-library-control-');
    try {
      const plain = new Database(join(scratch, 'plain.db'));
      for (const migration of MIGRATIONS) migration.up(plain);
      const repository = createLibraryRepository(plain, { now: () => Date.now() });
      repository.sync(
        [{ id: 'money-worries', title: 'When money is on your mind', summary: '', tags: [], text: '' }],
        'x',
      );
      repository.setBookmark('money-worries', true);
      plain.close();
      expect(findMarker(scratch, 'money-worries').length).toBeGreaterThan(0);
      expect(findMarker(scratch, 'When money is on your mind').length).toBeGreaterThan(0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('an export for a coach and its history leave no plaintext either', async () => {
    const [entry] = (await call(host, 'diary.list', { limit: 1 })).entries;
    if (!entry) throw new Error('an entry was expected');
    const exported = await call(host, 'share.export', {
      exportId: randomUUID(),
      selection: { diaryEntryIds: [entry.id], note: `${MARKER} note` },
      protection: { kind: 'passphrase', passphrase: `${MARKER}-passphrase` },
      recipientLabel: `Sam ${MARKER}`,
      target: await browserTarget(host.base, 'share'),
    });
    if (exported.status !== 'done') throw new Error('the export did not finish');
    expect(exported.file.folder).toBeNull();
    const sealed = Buffer.from(await (await downloadSaved(host.base, exported.file.id)).arrayBuffer());
    expect(sealed.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(markerIn(sealed, MARKER)).toEqual([]);
    // The label really is stored (in the vault), the passphrase is not stored at all.
    const { entries } = await call(host, 'share.history', {});
    expect(entries[0]?.recipientLabel).toBe(`Sam ${MARKER}`);
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
  });

  it('a session room (intention, parked thoughts, draft, take-away) leaves no plaintext either', async () => {
    const room = await call(host, 'rooms.start', {});
    await call(host, 'rooms.update', {
      id: room.id,
      intention: `${MARKER} intention`,
      parked: [`${MARKER} invoices`, MARKER],
      activity: { kind: 'diary' },
      draft: { what: `${MARKER} draft`, body: MARKER },
    });
    await call(host, 'rooms.advance', { id: room.id, action: 'exit-early' });
    await call(host, 'rooms.update', { id: room.id, takeAway: `${MARKER} take-away`, feelNowRating: 3 });
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    const { handBack } = await call(host, 'rooms.finish', { id: room.id });
    expect(handBack).toEqual([`${MARKER} invoices`, MARKER]);
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const summary = await call(host, 'rooms.summary', { limit: 1 });
    expect(summary.recent[0]?.takeAway).toBe(`${MARKER} take-away`);
  });

  it('a half-typed draft (autosaved, replaced, set aside) leaves no plaintext either', async () => {
    // Autosave writes the same form again and again as someone types.
    for (let n = 0; n < 5; n++) {
      await call(host, 'drafts.save', {
        key: 'diary.quick',
        fields: { what: `${MARKER} half-typed ${n}`, thoughts: `${'«følt» '.repeat(50)}${MARKER}` },
      });
    }
    await call(host, 'drafts.save', { key: 'share.note', fields: { note: `Dear coach ${MARKER}` } });
    await call(host, 'drafts.clear', { key: 'share.note' });
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.lock', {});
    expect(findMarker(dataDir, MARKER)).toEqual([]);
    await call(host, 'vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    // The draft really is stored: the scan above had something to find.
    const { draft } = await call(host, 'drafts.get', { key: 'diary.quick' });
    expect(draft?.fields.what).toBe(`${MARKER} half-typed 4`);
  });

  describe('a large sort', () => {
    let db: VaultDatabase;

    beforeAll(async () => {
      // A second connection opened exactly as the vault opens its own, with the real key.
      const key = await unwrapVaultKey(dataDir, PASSPHRASE);
      db = openVaultDatabase(join(dataDir, VAULT_FILE), key);
      key.fill(0);
      const insert = db.prepare(
        `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
         VALUES (?, ?, 5, ?, ?, ?, '', ?, ?)`,
      );
      const now = new Date().toISOString();
      db.transaction(() => {
        for (let n = 0; n < 20_000; n++) {
          insert.run(
            `bulk-${n}`,
            new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
            `${MARKER} ${n}`,
            randomBytes(200).toString('hex'),
            `${randomBytes(300).toString('base64')} ${MARKER}`,
            now,
            now,
          );
        }
      })();
    });

    afterAll(() => {
      db.close();
    });

    it('spills no temp file and writes no plaintext, in the data folder or any temp folder', () => {
      const tempBefore = sqliteTempFiles();
      const dataBefore = listFiles(dataDir);

      const { rows, spills } = bigSort(db);

      expect(rows).toBe(20_004);
      expect(spills).toEqual([]);
      expect(sqliteTempFiles()).toEqual(tempBefore);
      expect(listFiles(dataDir)).toEqual(dataBefore);
      expect(findMarker(dataDir, MARKER)).toEqual([]);
    });

    it.runIf(process.platform === 'linux')(
      'the watch does see a spill, with the plaintext in it, when temp files are allowed',
      () => {
        // The control for the test above: the same sort with SQLite's default temp store.
        db.pragma('temp_store = FILE');
        try {
          const { rows, spills } = bigSort(db);
          expect(rows).toBe(20_004);
          expect(spills.length).toBeGreaterThan(0);
          expect(spills.join('\n')).toMatch(/etilqs_.*utf-8/);
        } finally {
          db.pragma('temp_store = MEMORY');
        }
      },
    );

    it('ranking every row in a full-text search spills nothing either', () => {
      // The bulk rows above were indexed by the triggers; rank them all, with no LIMIT.
      const before = openFiles();
      const tempBefore = sqliteTempFiles();
      const rows = db
        .prepare<[string], { snippet: string }>(
          `SELECT snippet(search_index, -1, '[', ']', '…', 8) AS snippet FROM search_index
           WHERE search_index MATCH ? ORDER BY rank`,
        )
        .iterate(`"${MARKER}"`);
      let count = rows.next().done ? 0 : 1;
      const spills = newSpills(before);
      for (const _row of rows) count += 1;
      expect(count).toBeGreaterThanOrEqual(20_000);
      expect(spills).toEqual([]);
      expect(sqliteTempFiles()).toEqual(tempBefore);
      expect(findMarker(dataDir, MARKER)).toEqual([]);
    });

    it('the copy a backup starts from (VACUUM INTO) is encrypted too', () => {
      const scratch = tempDir('stillroom-vacuum-');
      try {
        db.prepare('VACUUM INTO ?').run(join(scratch, 'copy.db'));
        const copy = readFileSync(join(scratch, 'copy.db'));
        expect(copy.length).toBeGreaterThan(20_000 * 500);
        expect(copy.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
        expect(findMarker(scratch, MARKER)).toEqual([]);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
});
