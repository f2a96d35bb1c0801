import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKeyring, findProtector } from '../../src-main/infra/vault/keyring-file';
import { KEYRING_FILE } from '../../src-main/infra/vault/vault';
import { createScryptProtector } from '../../src-main/infra/vault/scrypt-protector';
import { TEST_SCRYPT } from './vault-harness';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');

/** Every file under `dir`, recursively, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * sha256 of every file under `dir`. SQLite's own -wal/-shm come and go with a connection. A
 * wrong secret is meant to change the rate limit's count (`unlock-attempts.json`): tests of a
 * wrong try leave it out with `includeAttempts: false`, and check it on its own.
 */
export function fileHashes(
  dir: string,
  { includeSqliteSidecars = false, includeAttempts = true } = {},
): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of listFiles(dir)) {
    if (!includeSqliteSidecars && /-(wal|shm)$/.test(file)) continue;
    if (!includeAttempts && file === 'unlock-attempts.json') continue;
    hashes[file] = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
  }
  return hashes;
}

/** The ways a marker could sit in a file if it were written in plaintext. */
function markerForms(marker: string): [string, Buffer][] {
  const hex = Buffer.from(marker, 'utf8').toString('hex');
  return [
    ['utf-8', Buffer.from(marker, 'utf8')],
    ['utf-16le', Buffer.from(marker, 'utf16le')],
    ['hex', Buffer.from(hex, 'latin1')],
    ['HEX', Buffer.from(hex.toUpperCase(), 'latin1')],
  ];
}

/** Which encodings of `marker` occur in `bytes`. */
export function markerIn(bytes: Buffer, marker: string): string[] {
  return markerForms(marker)
    .filter(([, form]) => bytes.includes(form))
    .map(([name]) => name);
}

/** Every file under `dir` (recursively) holding `marker` in any encoding, as "file (encoding)". */
export function findMarker(dir: string, marker: string): string[] {
  return listFiles(dir).flatMap((file) =>
    markerIn(readFileSync(join(dir, file)), marker).map((encoding) => `${file} (${encoding})`),
  );
}

/** The vault's raw database key, unwrapped the way the vault does it: with the passphrase. */
export async function unwrapVaultKey(dataDir: string, passphrase: string): Promise<Buffer> {
  const read = readKeyring(join(dataDir, KEYRING_FILE));
  if (read.kind !== 'ok') throw new Error(`keyring is ${read.kind}`);
  const wrapped = findProtector(read.keyring, 'passphrase');
  if (!wrapped) throw new Error('keyring has no passphrase protector');
  return Buffer.from(await createScryptProtector('passphrase', TEST_SCRYPT).unwrap(wrapped, passphrase));
}

export type ChildStep = { call: string; input?: unknown } | { chmod: string; mode: number };

export interface ChildPlan {
  dataDir: string;
  steps: ChildStep[];
}

export interface ChildReport {
  uid: number | undefined;
  results: unknown[];
  /** Errors the dispatcher had to turn into `internal`: their class and code only. */
  internalErrors: { call: string; name: string; code: string }[];
}

export const NOBODY = 65534;

/** Whether this process can switch a child to another user (it runs as root, as in CI). */
export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * As root, the child runs as `nobody`, who must be able to read this checkout and its
 * node_modules. A checkout in a private folder (mode 0700 somewhere above it) cannot be read, and
 * then the read-only-folder tests cannot run here: this says why, or undefined when they can.
 */
export function childCannotRunBecause(): string | undefined {
  if (!runningAsRoot()) return undefined;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `require('fs').accessSync(${JSON.stringify(join(projectRoot, 'node_modules', 'tsx', 'package.json'))})`,
    ],
    {
      uid: NOBODY,
      gid: NOBODY,
      cwd: '/',
    },
  );
  return probe.status === 0
    ? undefined
    : `the user "nobody" cannot read ${projectRoot} (a folder above it is private), so the read-only data folder tests are skipped; root ignores file modes, so they need a second user`;
}

/**
 * Runs a plan of Api calls in a child process (tests/helpers/vault-child.ts). As root, the child
 * runs as `nobody`, for whom file modes are enforced; otherwise as this user.
 */
export function runVaultChild(plan: ChildPlan): Promise<ChildReport> {
  const user = runningAsRoot() ? { uid: NOBODY, gid: NOBODY } : {};
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(here, 'vault-child.ts'), JSON.stringify(plan)],
      { cwd: projectRoot, ...user, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`vault child failed: ${error.message}\n${stderr}`));
          return;
        }
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolvePromise(JSON.parse(line) as ChildReport);
        } catch {
          reject(new Error(`vault child printed no report:\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}
