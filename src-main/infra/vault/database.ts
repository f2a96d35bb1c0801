import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export type VaultDatabase = Database.Database;

export type OpenProblem = 'database_unreadable' | 'newer_version' | 'folder_not_writable';

export class VaultOpenError extends Error {
  constructor(
    readonly problem: OpenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'VaultOpenError';
  }
}

const ENGINE_MESSAGE =
  "Stillroom's database engine could not load on this computer, so your data cannot be opened right now. Nothing has been changed or deleted. Reinstalling Stillroom usually fixes this.";

/** The native SQLite module could not load: an install problem, never damaged data. */
export class EngineLoadError extends Error {
  constructor() {
    super(ENGINE_MESSAGE);
    this.name = 'EngineLoadError';
  }
}

const engineChecks = new Map<string, EngineLoadError | undefined>();

/** Paths in a loader's error can name the user's home folder; the log keeps only the rest. */
function withoutPaths(message: string): string {
  return message.replace(/\S*[\\/]\S*/g, '<path>').slice(0, 300);
}

/**
 * Loads the native module once (per binding file) and says whether it works. `nativeBinding`
 * is better-sqlite3's own option: another .node file instead of the one the package ships.
 */
export function engineProblem(nativeBinding?: string): EngineLoadError | undefined {
  const id = nativeBinding ?? '';
  if (engineChecks.has(id)) return engineChecks.get(id);
  let problem: EngineLoadError | undefined;
  try {
    new Database(':memory:', nativeBinding ? { nativeBinding } : {}).close();
  } catch (error) {
    problem = new EngineLoadError();
    const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : 'no code';
    console.error(
      `Stillroom: the database engine could not load (${code}): ${withoutPaths(error instanceof Error ? error.message : String(error))}`,
    );
  }
  engineChecks.set(id, problem);
  return problem;
}

/**
 * SQLite creates its files 0644 (less the umask), and its -wal and -shm take the database
 * file's mode. So the database is created 0600 before SQLite opens it, and an older one is
 * tightened: the data folder may be one the user picked that others can list.
 */
function ownerOnly(path: string, create: boolean): void {
  if (process.platform === 'win32') return;
  if (create && !existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    } catch {
      // Not there (no -wal yet), or not ours to change: SQLite's open reports what matters.
    }
  }
}

/** The raw 256-bit key goes straight to the cipher (`x'…'`), skipping SQLite's own slow KDF. */
function applyKey(db: VaultDatabase, key: Uint8Array): void {
  if (key.length !== 32) throw new Error('The vault key must be 32 bytes.');
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
}

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function isNotWritable(error: unknown): boolean {
  const code = sqliteCode(error);
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM';
}

/**
 * Opens (or creates) the encrypted database and brings it to the latest schema.
 *
 * Order matters: the key is applied and the version read before anything writes, so a wrong
 * key, a damaged file or a database from a newer Stillroom is refused without being touched.
 */
export function openVaultDatabase(
  path: string,
  key: Uint8Array,
  options: { create?: boolean; nativeBinding?: string } = {},
): VaultDatabase {
  const engine = engineProblem(options.nativeBinding);
  if (engine) throw engine;
  let db: VaultDatabase;
  try {
    ownerOnly(path, options.create === true);
    db = new Database(path, {
      fileMustExist: !options.create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    if (isNotWritable(error)) {
      throw new VaultOpenError('folder_not_writable', 'Stillroom cannot open its data folder for writing.');
    }
    throw new VaultOpenError('database_unreadable', 'Your data file could not be opened.');
  }
  try {
    applyKey(db, key);
    // Never let SQLite spill sorts or temp tables to disk: this build writes those in plaintext.
    db.pragma('temp_store = MEMORY');
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      // The cipher authenticates every page, so reading them all now turns a damaged file into a
      // clear screen at unlock rather than failures later, in the middle of someone's writing.
      if (!pagesReadable(db)) throw new Error('quick_check failed');
    } catch (error) {
      throw isNotWritable(error)
        ? new VaultOpenError('folder_not_writable', 'Stillroom cannot open its data folder for writing.')
        : new VaultOpenError(
            'database_unreadable',
            'Your data file could not be read with your key: it may be damaged, or it belongs to another vault.',
          );
    }
    // Creating a vault migrates it before it is ever named vault.db, so an existing file at
    // version 0 is an empty or emptied file: refuse it rather than quietly start a new vault in it.
    if (version === 0 && !options.create) {
      throw new VaultOpenError(
        'database_unreadable',
        'Your data file is empty or damaged, so it cannot be opened. Nothing has been changed.',
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new VaultOpenError(
        'newer_version',
        'Your data was saved by a newer version of Stillroom. Update Stillroom to open it; nothing has been changed.',
      );
    }
    try {
      db.pragma('journal_mode = WAL');
      // FULL: a write the user saw succeed survives a power cut, not just a crash.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db, version);
    } catch (error) {
      if (isNotWritable(error)) {
        throw new VaultOpenError('folder_not_writable', 'Stillroom cannot write to its data folder.');
      }
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * quick_check of every real table, one by one. A plain quick_check would also run FTS5's own
 * semantic check of the search index, which reads and re-tokenises every entry (seconds at tens
 * of thousands of entries) and would call a stale index a damaged vault. The index's shadow
 * tables are real tables, so their pages are still read and authenticated here.
 */
function pagesReadable(db: VaultDatabase): boolean {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`,
    )
    .all();
  return tables.every(
    ({ name }) => db.pragma(`quick_check(${JSON.stringify(name)})`, { simple: true }) === 'ok',
  );
}

function migrate(db: VaultDatabase, from: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** Copies the open database to `path`, encrypted under `newKey` instead of `currentKey` (backups). */
export function exportDatabase(
  db: VaultDatabase,
  currentKey: Uint8Array,
  path: string,
  newKey: Uint8Array,
): void {
  // VACUUM INTO writes an encrypted copy under the current key; the copy is then re-keyed. Rekey
  // needs rollback-journal mode, which a VACUUM INTO copy already has.
  ownerOnly(path, true);
  db.prepare('VACUUM INTO ?').run(path);
  const copy = new Database(path, { fileMustExist: true });
  try {
    applyKey(copy, currentKey);
    copy.pragma('temp_store = MEMORY');
    copy.pragma(`rekey = "x'${Buffer.from(newKey).toString('hex')}'"`);
  } finally {
    copy.close();
  }
}

/** Opens a database file read-only to check it (restores): its schema version and integrity. */
export function inspectDatabase(path: string, key: Uint8Array): { version: number; intact: boolean } {
  const db = new Database(path, { fileMustExist: true, readonly: true });
  try {
    applyKey(db, key);
    db.pragma('temp_store = MEMORY');
    const version = db.pragma('user_version', { simple: true }) as number;
    const intact = db.pragma('integrity_check', { simple: true }) === 'ok';
    return { version, intact };
  } catch {
    return { version: -1, intact: false };
  } finally {
    db.close();
  }
}
