/**
 * Diary benchmark: `node --import tsx tests/bench/diary-bench.ts` (ENTRIES=50000 by default).
 *
 * With 50,000 stress diary entries and some thought records in the real encrypted vault database
 * (openVaultDatabase, random raw key, all migrations, FTS5 index kept by triggers), and the same
 * in plain SQLite from the same library with the same pragmas and migrations, it measures:
 *
 * - diary save: createStressDiaryRepository(db, clock).save of one new entry (index included),
 *   and of an edit that replaces an older entry's words (the index drops the old ones at once);
 * - diary search: createDiarySearchRepository(db).search, exactly what `diary.search` runs
 *   (query building, FTS5 MATCH ranked by bm25, snippets, the join to the diary rows), for
 *   typical one-word, two-word and prefix (as-you-type) queries, limit 20.
 *
 * Entries are seeded 50 to a transaction, so the FTS5 index has the shape steady use gives it.
 * Samples alternate between the two databases (and which goes first), so noise from other work
 * on the machine lands on both alike. The text is generated with a seeded Zipf-like vocabulary
 * (common words in most entries, rare ones in few), so doclists are as long as a real diary's.
 * It reports p50 and p95 and never fails on them: a readable table, then one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StressEntryInput, ThoughtRecordInput } from '../../src-main/contract';
import { openVaultDatabase, type VaultDatabase } from '../../src-main/infra/vault/database';
import { fileMb, openPlainDatabase, percentile, prng, round2 } from './bench-support';
import { createDiarySearchRepository } from '../../src-main/infra/vault/repositories/diary-search-repository';
import { createStressDiaryRepository } from '../../src-main/infra/vault/repositories/stress-diary-repository';
import { createThoughtRecordRepository } from '../../src-main/infra/vault/repositories/thought-record-repository';

const ENTRIES = Number(process.env.ENTRIES ?? 50_000);
const THOUGHT_RECORDS = Number(process.env.THOUGHT_RECORDS ?? 2_000);
const SAVE_SAMPLES = 300;
const SEARCH_ROUNDS = 20;
const WARMUP = 10;
const LIMIT = 20;
const SEED_BATCH = 50;
const TARGET_SEARCH_P95_MS = 20;

const clock = { now: () => Date.now() };

// ---- text that looks like diary entries ------------------------------------------------------

/** Real words, most frequent first: the words people search for are among them. */
const COMMON = (
  'i the and to a my was it of that in me for not so but on with had be at all they felt ' +
  'this about just what have when again still too would could should think feel going back ' +
  'work meeting manager deadline team email report project day time today tomorrow week ' +
  'colleague client call review feedback office home evening morning lunch break tired ' +
  'stressed anxious worried angry frustrated overwhelmed calm relieved better worse sleep ' +
  'headache chest shoulders jaw stomach heart racing tense restless walk breathe wrote list ' +
  'asked help said no later finished late early busy noise open-plan inbox presentation ' +
  'budget target performance appraisal promotion mistake error forgot missed cancelled ' +
  'interrupted criticised praised ignored blamed deadline-driven workload overtime weekend ' +
  'holiday family partner children train commute traffic coffee caffeine exercise gym run ' +
  'café naïve résumé coöperate façade déjà'
).split(' ');

/** Made-up words for the long tail of a vocabulary: names, places, jargon, typos. */
function tailWords(random: () => number, count: number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mer',
    'tis',
    'an',
    'do',
    'vre',
    'sil',
    'po',
    'rin',
    'ga',
    'thu',
    'el',
    'bo',
  ];
  const words = new Set<string>();
  while (words.size < count) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i += 1) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

const VOCABULARY = [...COMMON, ...tailWords(prng(7), 6_000)];
/** Zipf weights (s = 1): rank r is drawn with probability proportional to 1/r. */
const CUMULATIVE = (() => {
  let sum = 0;
  const cumulative = VOCABULARY.map((_, rank) => (sum += 1 / (rank + 1)));
  return cumulative.map((value) => value / sum);
})();

function word(random: () => number): string {
  const x = random();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((CUMULATIVE[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo] as string;
}

function text(random: () => number, minWords: number, maxWords: number): string {
  const count = minWords + Math.floor(random() * (maxWords - minWords + 1));
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) words.push(word(random));
  if (random() < 0.05) words.push(['😀', '😩', '🙂', '💪'][Math.floor(random() * 4)] as string);
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Realistic sizes: a line for what happened, a few sentences for thoughts, some for the rest. */
function entry(random: () => number, occurredAt: number): StressEntryInput {
  return {
    occurredAt: new Date(occurredAt).toISOString(),
    stress: Math.floor(random() * 11),
    what: text(random, 3, 20),
    body: text(random, 0, 30),
    thoughts: text(random, 8, 120),
    actions: text(random, 0, 50),
  };
}

function thoughtRecord(random: () => number, occurredAt: number): ThoughtRecordInput {
  const rating = () => Math.floor(random() * 101);
  return {
    status: random() < 0.7 ? 'complete' : 'draft',
    occurredAt: new Date(occurredAt).toISOString(),
    situation: text(random, 5, 30),
    automaticThoughts: [{ text: text(random, 5, 25), belief: rating() }],
    emotions: [{ name: word(random), intensity: rating() }],
    thinkingTraps: ['mind-reading'],
    evidenceFor: text(random, 5, 60),
    evidenceAgainst: text(random, 5, 60),
    balancedThought: text(random, 5, 30),
    rerated: { belief: rating(), emotions: [{ name: word(random), intensity: rating() }] },
  };
}

// ---- the two databases -----------------------------------------------------------------------

type Name = 'encrypted' | 'plain';

/** Entries and thought records through the repositories, in large transactions (seeding only). */
function seed(db: VaultDatabase, newest: number): void {
  const random = prng(ENTRIES);
  const diary = createStressDiaryRepository(db, clock);
  const thoughts = createThoughtRecordRepository(db, clock);
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n += 1) diary.save(entry(random, newest - n * 37 * 60_000));
  });
  // Small transactions, so the index grows as it does in use: many small segments that FTS5's
  // automerge folds together as it goes (no 'optimize' afterwards, which would flatter search).
  for (let n = 0; n < ENTRIES; n += SEED_BATCH) batch(n, Math.min(ENTRIES, n + SEED_BATCH));
  for (let n = 0; n < THOUGHT_RECORDS; n += 1)
    thoughts.save(thoughtRecord(random, newest - n * 13 * 3_600_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
}

// ---- measuring -------------------------------------------------------------------------------

interface Stats {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

function stats(samples: number[]): Stats {
  return {
    p50: round2(percentile(samples, 50)),
    p95: round2(percentile(samples, 95)),
    max: round2(Math.max(...samples)),
    samples: samples.length,
  };
}

/** Runs `step(name, i)` on each database per round, alternating which goes first. */
function alternate(
  dbs: Map<Name, VaultDatabase>,
  rounds: number,
  step: (name: Name, i: number) => void,
): Record<Name, number[]> {
  const names = [...dbs.keys()];
  const samples: Record<Name, number[]> = { encrypted: [], plain: [] };
  for (let i = 0; i < WARMUP + rounds; i += 1) {
    for (const name of i % 2 === 0 ? names : [...names].reverse()) {
      const started = performance.now();
      step(name, i);
      const took = performance.now() - started;
      if (i >= WARMUP) samples[name].push(took);
    }
  }
  return samples;
}

/** Query classes, each a list the rounds cycle through. */
const QUERIES = {
  'one word': [
    'meeting',
    'deadline',
    'manager',
    'tired',
    'email',
    'anxious',
    'sleep',
    'presentation',
    'cafe',
  ],
  'two words': [
    'meeting manager',
    'deadline report',
    'tired evening',
    'email inbox',
    'anxious presentation',
    'chest tense',
    'team feedback',
  ],
  'prefix (as you type)': ['mee', 'dead', 'mana', 'pres', 'anx', 'overw', 'meeting mana', 'deadline rep'],
  'prefix, 2 letters': ['me', 'de', 'ma', 'pr', 'an', 'ti'],
  // One letter is looked for as a word (prefixes start at two letters): the first keystroke.
  '1 letter': ['m', 'd', 't', 'a'],
  // Words in nearly every entry: ranked among the most recent matches only (RANK_WINDOW).
  'very common words': ['the', 'i was', 'me', 'and the'],
} as const;

type QueryClass = keyof typeof QUERIES;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stillroom-diary-bench-'));
  const key = randomBytes(32);
  const paths: Record<Name, string> = { encrypted: join(dir, 'encrypted.db'), plain: join(dir, 'plain.db') };
  const newest = Date.parse('2026-11-26T09:00:00Z');
  const loadBefore = loadavg();
  const seedSeconds = {} as Record<Name, number>;

  try {
    const dbs = new Map<Name, VaultDatabase>([
      ['encrypted', openVaultDatabase(paths.encrypted, key, { create: true })],
      ['plain', openPlainDatabase(paths.plain, true)],
    ]);
    const encrypted = dbs.get('encrypted') as VaultDatabase;
    const environment = {
      sqlite: (encrypted.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      fts5: (encrypted.pragma('compile_options') as { compile_options: string }[]).some(
        (row) => row.compile_options === 'ENABLE_FTS5',
      ),
      tempStore: encrypted.pragma('temp_store', { simple: true }) as number,
      cipher: encrypted.pragma('cipher', { simple: true }) as string,
    };
    for (const [name, db] of dbs) {
      const started = performance.now();
      seed(db, newest);
      seedSeconds[name] = round2((performance.now() - started) / 1000);
      process.stdout.write(
        `seeded ${name}: ${ENTRIES} entries + ${THOUGHT_RECORDS} thought records in ${seedSeconds[name]} s\n`,
      );
    }

    const diaries = new Map([...dbs].map(([name, db]) => [name, createStressDiaryRepository(db, clock)]));
    const searches = new Map([...dbs].map(([name, db]) => [name, createDiarySearchRepository(db)]));

    const random = prng(99);
    const inputs = Array.from({ length: WARMUP + SAVE_SAMPLES }, () => entry(random, Date.now()));
    const save = alternate(dbs, SAVE_SAMPLES, (name, i) => {
      diaries.get(name)?.save(inputs[i] as StressEntryInput);
    });

    // Editing an older entry's words: the index drops the old words (secure-delete) and adds the new.
    const editable = new Map(
      [...dbs].map(([name, db]) => [
        name,
        db
          .prepare<[number], { id: string }>('SELECT id FROM stress_entries ORDER BY occurred_at LIMIT ?')
          .all(WARMUP + SAVE_SAMPLES)
          .map((row) => row.id),
      ]),
    );
    const edits = Array.from({ length: WARMUP + SAVE_SAMPLES }, () => entry(random, Date.now()));
    const edit = alternate(dbs, SAVE_SAMPLES, (name, i) => {
      diaries.get(name)?.save({ ...(edits[i] as StressEntryInput), id: editable.get(name)?.[i] });
    });

    const search = {} as Record<QueryClass, Record<Name, number[]>>;
    const hits = {} as Record<QueryClass, number>;
    for (const queryClass of Object.keys(QUERIES) as QueryClass[]) {
      const list = QUERIES[queryClass];
      let found = 0;
      search[queryClass] = alternate(dbs, SEARCH_ROUNDS * list.length, (name, i) => {
        const results =
          searches.get(name)?.search({ query: list[i % list.length] as string, limit: LIMIT }) ?? [];
        if (name === 'encrypted') found += results.length;
      });
      hits[queryClass] = round2(found / (WARMUP + SEARCH_ROUNDS * list.length));
    }

    // How many entries a typical word is in: the doclist lengths behind the numbers above.
    const matching = Object.fromEntries(
      ['meeting', 'deadline', 'presentation', 'me*', 'm*'].map((term) => [
        term,
        (
          encrypted
            .prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?`)
            .get(term.endsWith('*') ? `"${term.slice(0, -1)}"*` : `"${term}"`) as { n: number }
        ).n,
      ]),
    );

    const sizes = { encrypted: fileMb(paths.encrypted), plain: fileMb(paths.plain) };
    for (const db of dbs.values()) db.close();

    report({ environment, seedSeconds, sizes, save, edit, search, hits, matching, loadBefore });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    key.fill(0);
  }
}

function report(run: {
  environment: { sqlite: string; fts5: boolean; tempStore: number; cipher: string };
  seedSeconds: Record<Name, number>;
  sizes: Record<Name, number>;
  save: Record<Name, number[]>;
  edit: Record<Name, number[]>;
  search: Record<QueryClass, Record<Name, number[]>>;
  hits: Record<QueryClass, number>;
  matching: Record<string, number>;
  loadBefore: number[];
}): void {
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const lines: string[] = [''];
  lines.push(
    `Diary benchmark: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
      `load average before ${run.loadBefore.map((n) => n.toFixed(1)).join(' ')}, after ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
  );
  lines.push(
    `SQLite ${run.environment.sqlite}, FTS5 compiled in: ${run.environment.fts5 ? 'yes' : 'NO'}, ` +
      `vault temp_store = ${run.environment.tempStore} (2 = MEMORY), cipher ${run.environment.cipher}.`,
  );
  lines.push(
    `${ENTRIES} stress entries + ${THOUGHT_RECORDS} thought records; file ${run.sizes.encrypted} MB encrypted, ` +
      `${run.sizes.plain} MB plain; seeded in ${run.seedSeconds.encrypted} s / ${run.seedSeconds.plain} s.`,
  );
  lines.push(
    `Entries containing: ${Object.entries(run.matching)
      .map(([term, n]) => `${term} ${n}`)
      .join(', ')}.`,
  );
  lines.push(`Times in ms; search returns up to ${LIMIT} results with snippets.`);
  lines.push('');
  lines.push(
    `${'operation'.padEnd(28)}${pad('enc p50', 9)}${pad('enc p95', 9)}${pad('enc max', 9)}` +
      `${pad('plain p50', 11)}${pad('plain p95', 11)}${pad('p95 x', 7)}${pad('samples', 9)}${pad('results', 9)}`,
  );
  const row = (label: string, samples: Record<Name, number[]>, results?: number) => {
    const e = stats(samples.encrypted);
    const p = stats(samples.plain);
    lines.push(
      `${label.padEnd(28)}${pad(e.p50.toFixed(2), 9)}${pad(e.p95.toFixed(2), 9)}${pad(e.max.toFixed(2), 9)}` +
        `${pad(p.p50.toFixed(2), 11)}${pad(p.p95.toFixed(2), 11)}${pad((e.p95 / p.p95).toFixed(2), 7)}` +
        `${pad(e.samples, 9)}${pad(results === undefined ? '-' : results.toFixed(1), 9)}`,
    );
  };
  row('diary save (new entry)', run.save);
  row('diary edit (new words)', run.edit);
  for (const queryClass of Object.keys(QUERIES) as QueryClass[]) {
    row(`search: ${queryClass}`, run.search[queryClass], run.hits[queryClass]);
  }
  lines.push('');
  const typical: QueryClass[] = [
    'one word',
    'two words',
    'prefix (as you type)',
    'prefix, 2 letters',
    '1 letter',
    'very common words',
  ];
  const worst = Math.max(...typical.map((c) => stats(run.search[c].encrypted).p95));
  lines.push(
    `Target: encrypted search p95 under ${TARGET_SEARCH_P95_MS} ms for typical queries (${typical.join(', ')}): ` +
      `worst ${worst.toFixed(2)} ms -> ${worst < TARGET_SEARCH_P95_MS ? 'met' : 'NOT MET'}`,
  );
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'diary',
      node: process.version,
      cores: cpus().length,
      loadAverage: { before: run.loadBefore.map(round2), after: loadavg().map(round2) },
      entries: ENTRIES,
      thoughtRecords: THOUGHT_RECORDS,
      environment: run.environment,
      fileMb: run.sizes,
      seedSeconds: run.seedSeconds,
      save: { encrypted: stats(run.save.encrypted), plain: stats(run.save.plain) },
      edit: { encrypted: stats(run.edit.encrypted), plain: stats(run.edit.plain) },
      search: Object.fromEntries(
        (Object.keys(QUERIES) as QueryClass[]).map((c) => [
          c,
          {
            encrypted: stats(run.search[c].encrypted),
            plain: stats(run.search[c].plain),
            queries: QUERIES[c],
          },
        ]),
      ),
      target: {
        searchP95Ms: TARGET_SEARCH_P95_MS,
        worstTypicalP95Ms: worst,
        met: worst < TARGET_SEARCH_P95_MS,
      },
    })}\n`,
  );
}

await main();
