// Runs after `npm install`. Electron's own install script is denied in package.json
// (`allowScripts`) because on a machine that reaches only the npm registry its binary download
// fails and would fail the whole install. Here we try that download ourselves and, if it cannot
// happen, say so in one sentence instead of failing: `npm start` then uses the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined; // production install without devDependencies: nothing to do
  }
}

const dir = electronDir();
if (dir) {
  const hasBinary = existsSync(join(dir, 'path.txt')) && existsSync(join(dir, 'dist'));
  if (hasBinary) {
    // already there (a previous install fetched it)
  } else if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log(
      'Stillroom: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not fetched; `npm start` will use the browser host.',
    );
  } else {
    const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      console.log(
        'Stillroom: the Electron binary could not be downloaded on this machine, so `npm start` will run Stillroom in your browser instead (everything else works).',
      );
    }
  }
}
