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
    // The test helper sets STILLROOM_TEST_HOOKS=1, as a test run would: `npm start` drops it.
    const host = await startHostProcess({ STILLROOM_TEST_CLOCK_FILE: clockFile() }, 'start.mjs');
    running.push(host);
    expect(await hostNow(host.url)).not.toBe(FUTURE);
  });
});
