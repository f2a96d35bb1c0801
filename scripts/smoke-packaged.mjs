// CI, after an installer is built or installed: starts the packaged Stillroom with a fresh data
// folder and checks that it is still running after a while (a crash at start, a missing engine
// binary or a sandbox abort ends it early), then stops it.
// Usage: node scripts/smoke-packaged.mjs <path of the packaged executable> [seconds, default 20]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [executable, seconds = '20'] = process.argv.slice(2);
if (!executable || !existsSync(executable)) {
  console.error(
    `Usage: node scripts/smoke-packaged.mjs <packaged executable> [seconds] (not found: ${executable})`,
  );
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), 'stillroom-smoke-'));
const app = spawn(executable, [], {
  env: { ...process.env, STILLROOM_DATA_DIR: dataDir },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let exited = null;
app.on('exit', (code, signal) => (exited = { code, signal }));
app.on('error', (error) => (exited = { code: null, signal: String(error) }));

await sleep(Number(seconds) * 1000);
if (exited) {
  console.error(`Stillroom: the packaged app ended within ${seconds} s (${JSON.stringify(exited)}).`);
  process.exit(1);
}
// The app made its data folder its own (settings, no vault yet: nobody has set it up).
const madeSomething = readdirSync(dataDir).length > 0;
app.kill();
await sleep(3000);
if (!exited) app.kill('SIGKILL');
rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
console.log(
  `Stillroom: the packaged app ran for ${seconds} s and was stopped${madeSomething ? '' : ' (its data folder stayed empty)'}.`,
);
