import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folder that holds everything Stillroom stores for this user. `STILLROOM_DATA_DIR` wins
 * (tests, portable use); otherwise the host's default (Electron's `userData`).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const chosen = env.STILLROOM_DATA_DIR?.trim();
  return resolve(chosen ? chosen : fallback);
}

/** Creates the folder readable by this user only (0700), so other accounts cannot list it. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
