import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folder that holds everything Stillroom stores for this user. `STILLROOM_DATA_DIR` wins
 * (tests, portable use); otherwise the host's default (Electron's `userData`).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const chosen = env.STILLROOM_DATA_DIR?.trim();
  return resolve(chosen ? chosen : fallback);
}

/**
 * Creates the folder readable by this user only (0700), so other accounts cannot list it. A
 * folder that already exists (one the user chose) is tightened to 0700 too, when it is this
 * user's: another account's folder is not ours to change, and that is said in the log.
 */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return dir; // Folder access there is by ACL, not mode bits.
  const { mode, uid } = statSync(dir);
  if ((mode & 0o077) === 0) return dir;
  if (uid !== process.getuid?.()) {
    console.warn(
      'Stillroom: the data folder belongs to another account, so it is left as it is; other accounts may be able to list it.',
    );
    return dir;
  }
  chmodSync(dir, 0o700);
  return dir;
}
