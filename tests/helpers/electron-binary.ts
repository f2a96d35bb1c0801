import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron binary's path, or undefined where npm could not download it. */
export function electronBinary(): string | undefined {
  try {
    // The electron package's main export is the binary path; it throws when none was installed.
    return require('electron') as string;
  } catch {
    return undefined;
  }
}

export const ELECTRON_SKIP_REASON =
  'The Electron binary is not installed on this machine (npm could not download it), so the Electron smoke test is skipped; the browser-host tests cover the same UI and Api.';
