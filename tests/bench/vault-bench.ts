/**
 * Vault benchmark: `npm run bench` (node --import tsx tests/bench/vault-bench.ts).
 *
 * Compares the real encrypted vault database (openVaultDatabase, random raw key) with plain SQLite
 * from the same library, opened with the same pragmas (WAL, synchronous=FULL, temp_store=MEMORY,
 * foreign_keys) and the same migrations, at 1k and at 100k existing stress entries:
 *
 * - save latency: createStressDiaryRepository(db, clock).save of one new entry, p50 and p95;
 * - open-to-ready: open + key + migrations check + the first list() of 50 entries, median.
 *
 * Samples alternate between the two databases (and which goes first), so noise from other work on
 * the machine lands on both alike. It also times one scrypt wrap with DEFAULT_SCRYPT. It reports
 * numbers and never fails on them: a readable table, then one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openVaultDatabase, type VaultDatabase } from '../../src-main/infra/vault/database';
import { fileMb, openPlainDatabase, percentile, prng, round2 } from './bench-support';
import { createStressDiaryRepository } from '../../src-main/infra/vault/repositories/stress-diary-repository';
import { createScryptProtector, DEFAULT_SCRYPT } from '../../src-main/infra/vault/scrypt-protector';
import type { StressEntryInput } from '../../src-main/contract';

const SIZES = [1_000, 100_000] as const;
const SAVE_SAMPLES = 1000;
const SAVE_WARMUP = 10;
const OPEN_RUNS = 9;
const LIST_LIMIT = 50;
/** Targets for encrypted saves at 100k entries. */
const TARGET_RATIO = 1.5;
const TARGET_P95_MS = 5;

const clock = { now: () => Date.now() };

// ---- text that looks like diary entries ------------------------------------------------------

const WORDS = (
  'the meeting ran over again and I still had the report to finish my manager asked for an update ' +
  'before lunch I felt my chest tighten and my shoulders go up I thought they will see I cannot cope ' +
  'maybe I should have said no to the extra project I took a short walk wrote the worry down and ' +
  'answered the email later my heart was racing jaw clenched headache tired restless it went better ' +
  'than I feared colleague open-plan noise deadline inbox call client review feedback sleep evening'
).split(' ');

function text(random: () => number, minChars: number, maxChars: number): string {
  const target = minChars + Math.floor(random() * (maxChars - minChars + 1));
  const words: string[] = [];
  let length = 0;
  while (length < target) {
    const word = WORDS[Math.floor(random() * WORDS.length)] as string;
    words.push(word);
    length += word.length + 1;
  }
  const sentence = words.join(' ').slice(0, Math.max(target, 1));
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Realistic sizes: a line for what happened, a few sentences for thoughts, some for the rest. */
function entry(random: () => number, occurredAt: number): StressEntryInput {
  return {
    occurredAt: new Date(occurredAt).toISOString(),
    stress: Math.floor(random() * 11),
    what: text(random, 20, 160),
    body: text(random, 0, 240),
    thoughts: text(random, 40, 800),
    actions: text(random, 0, 400),
  };
}

// ---- the two databases -----------------------------------------------------------------------

interface Variant {
  name: 'encrypted' | 'plain' | 'plain+quick_check';
  path: string;
  /** Everything from nothing to a database ready for its first query. */
  open(create?: boolean): VaultDatabase;
}

/**
 * Plain SQLite, opened step for step as openVaultDatabase does, minus the key. openVaultDatabase
 * may also run `PRAGMA quick_check` at open (it reads every page); `quickCheck` does the same here,
 * so the cost of the cipher and the cost of that check can be told apart.
 */

/** Adds entries in one transaction, with the repository's own column list. */
function seed(db: VaultDatabase, count: number, random: () => number, newest: number): void {
  const insert = db.prepare(
    `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
     VALUES (@id, @occurredAt, @stress, @what, @body, @thoughts, @actions, @now, @now)`,
  );
  const already = (db.prepare('SELECT count(*) FROM stress_entries').pluck().get() as number) ?? 0;
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const index = already + i;
      // A few entries a day, going back in time.
      const occurred = newest - index * 7 * 60 * 60 * 1000;
      const row = entry(random, occurred);
      const now = new Date(occurred + 60_000).toISOString();
      insert.run({ ...row, id: `seed-${String(index).padStart(7, '0')}`, now });
    }
  })();
}

// ---- measuring -------------------------------------------------------------------------------

/** One save on each database per step, alternating which goes first. */
function measureSaves(dbs: Map<Variant, VaultDatabase>, seedNumber: number): Map<Variant, number[]> {
  const variants = [...dbs.keys()];
  const repos = new Map(
    variants.map((v) => [v, createStressDiaryRepository(dbs.get(v) as VaultDatabase, clock)]),
  );
  const samples = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  const random = prng(seedNumber);
  for (let i = 0; i < SAVE_WARMUP + SAVE_SAMPLES; i += 1) {
    const input = entry(random, Date.now());
    const order = i % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const repo = repos.get(variant) as ReturnType<typeof createStressDiaryRepository>;
      const started = performance.now();
      repo.save(input);
      const took = performance.now() - started;
      if (i >= SAVE_WARMUP) samples.get(variant)?.push(took);
    }
  }
  return samples;
}

/** Open-to-ready, alternating the databases; each run closes what it opened (not timed). */
function measureOpens(variants: Variant[]): Map<Variant, number[]> {
  const samples = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  for (let i = 0; i < OPEN_RUNS; i += 1) {
    const order = i % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const started = performance.now();
      const db = variant.open();
      const { entries } = createStressDiaryRepository(db, clock).list({ limit: LIST_LIMIT });
      const took = performance.now() - started;
      if (entries.length !== LIST_LIMIT) throw new Error(`list() returned ${entries.length} entries`);
      db.close();
      samples.get(variant)?.push(took);
    }
  }
  return samples;
}

// ---- the run ---------------------------------------------------------------------------------

type SaveName = 'encrypted' | 'plain';

interface SizeResult {
  entries: number;
  seedSeconds: Record<SaveName, number>;
  fileMb: Record<SaveName, number>;
  save: Record<SaveName, { p50: number; p95: number; max: number; samples: number }>;
  openToReady: Record<Variant['name'], { median: number; min: number; max: number; runs: number }>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stillroom-bench-'));
  const key = randomBytes(32);
  const encrypted: Variant & { name: SaveName } = {
    name: 'encrypted',
    path: join(dir, 'encrypted.db'),
    open: (create) => openVaultDatabase(encrypted.path, key, { create }),
  };
  const plain: Variant & { name: SaveName } = {
    name: 'plain',
    path: join(dir, 'plain.db'),
    open: (create) => openPlainDatabase(plain.path, create),
  };
  const plainChecked: Variant = {
    name: 'plain+quick_check',
    path: plain.path,
    open: (create) => openPlainDatabase(plain.path, create, true),
  };
  const variants = [encrypted, plain];
  const newest = Date.parse('2026-11-26T09:00:00Z');
  const results: SizeResult[] = [];
  const loadBefore = loadavg();

  try {
    let dbs = new Map(variants.map((v) => [v, v.open(true)]));
    for (const size of SIZES) {
      const seedSeconds = {} as SizeResult['seedSeconds'];
      for (const variant of variants) {
        const db = dbs.get(variant) as VaultDatabase;
        const have = db.prepare('SELECT count(*) FROM stress_entries').pluck().get() as number;
        const started = performance.now();
        seed(db, size - have, prng(size), newest);
        seedSeconds[variant.name] = round2((performance.now() - started) / 1000);
        process.stdout.write(`seeded ${variant.name} to ${size} entries in ${seedSeconds[variant.name]} s\n`);
      }
      for (const db of dbs.values()) db.close();

      const opens = measureOpens([...variants, plainChecked]);
      dbs = new Map(variants.map((v) => [v, v.open()]));
      const saves = measureSaves(dbs, size + 1);

      const save = {} as SizeResult['save'];
      const openToReady = {} as SizeResult['openToReady'];
      const sizes = {} as SizeResult['fileMb'];
      for (const variant of variants) {
        const s = saves.get(variant) as number[];
        save[variant.name] = {
          p50: round2(percentile(s, 50)),
          p95: round2(percentile(s, 95)),
          max: round2(Math.max(...s)),
          samples: s.length,
        };
        sizes[variant.name] = round2(fileMb(variant.path));
      }
      for (const [variant, o] of opens) {
        openToReady[variant.name] = {
          median: round2(percentile(o, 50)),
          min: round2(Math.min(...o)),
          max: round2(Math.max(...o)),
          runs: o.length,
        };
      }
      results.push({ entries: size, seedSeconds, fileMb: sizes, save, openToReady });
    }
    for (const db of dbs.values()) db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const protector = createScryptProtector('passphrase', DEFAULT_SCRYPT);
  const scryptMs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await protector.wrap(randomBytes(32), 'correct horse battery staple');
    scryptMs.push(round2(performance.now() - started));
  }

  report(results, scryptMs, loadBefore);
}

function report(results: SizeResult[], scryptMs: number[], loadBefore: number[]): void {
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const lines: string[] = [];
  lines.push('');
  lines.push(
    `Vault benchmark: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
      `load average before ${loadBefore.map((n) => n.toFixed(1)).join(' ')}, after ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
  );
  lines.push(
    `Times in ms. Save: one new entry through the repository (${SAVE_SAMPLES} samples). ` +
      `Open-to-ready: open, key, migrations check, first list() of ${LIST_LIMIT}; median of ${OPEN_RUNS}.`,
  );
  lines.push(
    'plain+quick_check: plain SQLite that also runs PRAGMA quick_check at open (open-to-ready only).',
  );
  lines.push('');
  const dash = (n: number) => pad('-', n);
  lines.push(
    `${'entries'.padEnd(9)}${'database'.padEnd(19)}${pad('save p50', 10)}${pad('save p95', 10)}` +
      `${pad('save max', 10)}${pad('open-to-ready', 15)}${pad('(min-max)', 16)}${pad('file MB', 9)}`,
  );
  for (const r of results) {
    for (const name of ['encrypted', 'plain', 'plain+quick_check'] as const) {
      const s = name === 'plain+quick_check' ? undefined : r.save[name];
      const o = r.openToReady[name];
      const saves = s
        ? `${pad(s.p50.toFixed(2), 10)}${pad(s.p95.toFixed(2), 10)}${pad(s.max.toFixed(2), 10)}`
        : `${dash(10)}${dash(10)}${dash(10)}`;
      const size = name === 'plain+quick_check' ? dash(9) : pad(r.fileMb[name].toFixed(1), 9);
      lines.push(
        `${String(r.entries).padEnd(9)}${name.padEnd(19)}${saves}${pad(o.median.toFixed(2), 15)}` +
          `${pad(`(${o.min.toFixed(1)}-${o.max.toFixed(1)})`, 16)}${size}`,
      );
    }
    const times = (a: number, b: number) => `x${(a / b).toFixed(2)}`;
    lines.push(
      `${''.padEnd(9)}encrypted vs plain: save p50 ${times(r.save.encrypted.p50, r.save.plain.p50)}, ` +
        `save p95 ${times(r.save.encrypted.p95, r.save.plain.p95)}, open-to-ready ` +
        `${times(r.openToReady.encrypted.median, r.openToReady.plain.median)} ` +
        `(vs plain+quick_check ${times(r.openToReady.encrypted.median, r.openToReady['plain+quick_check'].median)})`,
    );
    lines.push('');
  }
  const big = results[results.length - 1] as SizeResult;
  const ratio = big.save.encrypted.p95 / big.save.plain.p95;
  const targets = {
    encryptedSaveP95RatioAt100k: round2(ratio),
    encryptedSaveP95RatioTarget: TARGET_RATIO,
    encryptedSaveP95RatioMet: ratio <= TARGET_RATIO,
    encryptedSaveP95MsAt100k: big.save.encrypted.p95,
    encryptedSaveP95MsTarget: TARGET_P95_MS,
    encryptedSaveP95MsMet: big.save.encrypted.p95 < TARGET_P95_MS,
  };
  lines.push(
    `Target: encrypted save p95 within ${TARGET_RATIO}x of plain at ${big.entries}: ` +
      `x${ratio.toFixed(2)} -> ${targets.encryptedSaveP95RatioMet ? 'met' : 'NOT MET'}`,
  );
  lines.push(
    `Target: encrypted save p95 under ${TARGET_P95_MS} ms at ${big.entries}: ` +
      `${big.save.encrypted.p95.toFixed(2)} ms -> ${targets.encryptedSaveP95MsMet ? 'met' : 'NOT MET'}`,
  );
  lines.push(
    `scrypt wrap, DEFAULT_SCRYPT (N=2^${Math.log2(DEFAULT_SCRYPT.N)}, r=${DEFAULT_SCRYPT.r}, p=${DEFAULT_SCRYPT.p}): ` +
      `first ${scryptMs[0]?.toFixed(0)} ms, then ${scryptMs
        .slice(1)
        .map((n) => n.toFixed(0))
        .join(', ')} ms ` +
      '(design target 250-1000 ms)',
  );
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'vault',
      node: process.version,
      cores: cpus().length,
      loadAverage: { before: loadBefore.map(round2), after: loadavg().map(round2) },
      saveSamples: SAVE_SAMPLES,
      openRuns: OPEN_RUNS,
      results,
      targets,
      scryptWrapMs: { params: DEFAULT_SCRYPT, runs: scryptMs },
    })}\n`,
  );
}

await main();
