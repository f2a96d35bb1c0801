// `npm start`: the desktop app where the Electron binary exists; otherwise one sentence saying so
// and the browser host instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package's main export is the binary's path; it throws when none was downloaded.
    return require('electron');
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
  await import('./start-browser.mjs');
}
