/**
 * What the benchmarks share: a seeded random source (so encrypted and plain databases get the same
 * data), percentiles, file sizes, and the plain-SQLite baseline opened exactly like the vault.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from '../../src-main/infra/vault/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/infra/vault/migrations';
import { hostToken } from '../helpers/host-api';
import type { HostProcess } from '../helpers/host-process';

/** A small seeded generator (mulberry32). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** The database file plus its WAL, in MB. */
export function fileMb(path: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(path + suffix).size;
    } catch {
      // no WAL file
    }
  }
  return round2(bytes / 1024 / 1024);
}

/**
 * The baseline: the same library without a key, opened with the vault's pragmas and migrations
 * (optionally with the same page check the vault runs at unlock).
 */
export function openPlainDatabase(path: string, create = false, quickCheck = false): VaultDatabase {
  const db = new Database(path, { fileMustExist: !create });
  db.pragma('temp_store = MEMORY');
  const version = db.pragma('user_version', { simple: true }) as number;
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  if (quickCheck && db.pragma('quick_check', { simple: true }) !== 'ok')
    throw new Error('quick_check failed');
  if (version > LATEST_SCHEMA_VERSION) throw new Error('newer schema');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db;
}

/** One Api call to a running browser host, as the page makes it; throws, naming the call, if refused. */
export async function hostApi(host: HostProcess, name: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${hostToken(host)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message ?? 'no reason given'}`);
  return result.value;
}
