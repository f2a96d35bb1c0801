import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './layering';
import { tempDir } from './host-harness';

export interface HostProcess {
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<number | null>;
  process: ChildProcess;
}

/**
 * Starts `npm run start:browser`'s entry point as a user would (a separate process with its own
 * data folder) and waits for its machine-readable URL line.
 */
export async function startHostProcess(
  env: Record<string, string> = {},
  /** `start.mjs` for `npm start`, which opens the browser host where Electron is missing. */
  script: 'start-browser.mjs' | 'start.mjs' = 'start-browser.mjs',
): Promise<HostProcess> {
  const dataDir = env.STILLROOM_DATA_DIR ?? tempDir('stillroom-e2e-');
  const child = spawn(process.execPath, [join(projectRoot, 'scripts', script)], {
    cwd: projectRoot,
    // Hermetic by default: no machine-wide policy unless a test gives one.
    env: {
      ...process.env,
      STILLROOM_DATA_DIR: dataDir,
      STILLROOM_POLICY: join(dataDir, 'no-policy.json'),
      // A test run: the host may honour STILLROOM_TEST_CLOCK_FILE and _NOTIFICATIONS_FILE.
      STILLROOM_TEST_HOOKS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not start in time:\n${output}`)), 60_000);
    const check = () => {
      const match = /^STILLROOM_URL=(\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code}) before printing its URL:\n${output}`));
    });
  });

  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => output,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
