import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/*
 * Issue 19, finding 9: the browser host's test clock and test notifier answer to environment
 * variables. A person's own `npm start` (or `npm run start:browser`) must not honour them: only a
 * test run, which also sets STILLROOM_TEST_HOOKS=1, may move Stillroom's clock.
 */

const FUTURE = '2031-06-01T09:00:00.000Z';
const running: HostProcess[] = [];

afterEach(async () => {
  for (const host of running.splice(0)) await host.stop();
});

/** The host's idea of now, read from what `share.preview` stamps on a file it would make. */
async function hostNow(url: string): Promise<string> {
  const origin = new URL(url).origin;
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '';
  const call = async (name: string, body: unknown) => {
    const response = await fetch(`${origin}/api/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { ok: boolean; value?: { data: { createdAt: string } } };
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result)}`);
    return result.value;
  };
  await call('vault.create', { passphrase: 'test hooks passphrase' });
  const preview = await call('share.preview', { note: 'x' });
  return preview?.data.createdAt ?? '';
}

function clockFile(): string {
  const file = join(tempDir('stillroom-clock-'), 'clock.txt');
  writeFileSync(file, FUTURE);
  return file;
}

describe('the browser host’s test hooks', { timeout: 120_000 }, () => {
  it('are honoured by a test run, which sets STILLROOM_TEST_HOOKS', async () => {
    const host = await startHostProcess({ STILLROOM_TEST_CLOCK_FILE: clockFile() });
    running.push(host);
    expect(await hostNow(host.url)).toBe(FUTURE);
  });

  it('are ignored by `npm run start:browser` without the test flag, and it says so', async () => {
    const host = await startHostProcess({ STILLROOM_TEST_CLOCK_FILE: clockFile(), STILLROOM_TEST_HOOKS: '' });
    running.push(host);
    const now = await hostNow(host.url);
    expect(now).not.toBe(FUTURE);
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
    expect(host.output()).toContain('STILLROOM_TEST_CLOCK_FILE is ignored');
  });

  it('are ignored by `npm start`’s browser fallback even with the test flag', async () => {
    // Not `require('electron')`: that would try to download a missing binary.
    const electronPresent = existsSync(join(projectRoot, 'node_modules', 'electron', 'path.txt'));
    if (electronPresent) {
      console.log('Skipped: the Electron binary is installed, so `npm start` opens the desktop app.');
      return;
    }
    const dataDir = tempDir('stillroom-npm-start-');
    const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'start.mjs')], {
      cwd: projectRoot,
      env: {
        ...process.env,
        STILLROOM_DATA_DIR: dataDir,
        STILLROOM_POLICY: join(dataDir, 'no-policy.json'),
        STILLROOM_TEST_HOOKS: '1',
        STILLROOM_TEST_CLOCK_FILE: clockFile(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not start:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /^STILLROOM_URL=(\S+)$/m.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(await hostNow(url)).not.toBe(FUTURE);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
