import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron binary's path, or undefined where npm could not download it. Found the way the
 * electron package finds it (its path.txt, under dist/ or ELECTRON_OVERRIDE_DIST_PATH), without
 * loading the package: since Electron 45 loading it tries to download a missing binary, which
 * would be a network call from the tests.
 */
export function electronBinary(): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (!relative) return undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? binary : undefined;
}

export const ELECTRON_SKIP_REASON =
  'The Electron binary is not installed on this machine (npm could not download it), so the Electron specs are skipped; the browser-host tests cover the same UI and Api.';
