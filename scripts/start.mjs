// `npm start`: the desktop app where the Electron binary exists; otherwise one sentence saying so
// and the browser host instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron binary, if npm managed to download it. Read from the electron package's own
 * path.txt rather than `require('electron')`: since Electron 45 that require tries to download a
 * missing binary, a network call `npm start` must not make.
 */
function electronBinary() {
  const electronDir = join(root, 'node_modules', 'electron');
  try {
    const binary = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

if (electronBinary()) {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'The Electron binary is not installed on this machine, so Stillroom will open in your browser instead.',
  );
  // `npm start` is what a person runs, never a test run: the browser host's test clock and test
  // notifier stay off whatever the environment says.
  delete process.env.STILLROOM_TEST_HOOKS;
  await import('./start-browser.mjs');
}
