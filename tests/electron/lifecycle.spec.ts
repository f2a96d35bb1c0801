import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { projectRoot } from '../helpers/layering';
import { callApi, createVault, launchApp, mainWindowFacts, PASSPHRASE } from './electron-app';

/** Runs the app once more, outside Playwright, and resolves with how it ended. */
function runOnce(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(electronBinary()!, [projectRoot], {
      env: { ...process.env, STILLROOM_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the second Stillroom did not exit'));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test.describe('Electron app: lifecycle, keychain and locking', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('sets up with the OS keychain through safeStorage, and unlocks with it after a restart', async () => {
    const first = await launchApp();
    const status = await callApi(first.page, 'vault.status');
    const keychain = (status.value as { keychain: { available: boolean; backend?: string } }).keychain;
    if (!keychain.available) {
      await first.app.close();
      // e.g. Linux CI without a keyring: safeStorage reports basic_text, which counts as none.
      test.skip(true, `This machine has no usable keychain (backend: ${keychain.backend ?? 'none'}).`);
      return;
    }
    try {
      await first.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await first.page.getByLabel('Type it again').fill(PASSPHRASE);
      await first.page.getByLabel(/keychain unlock Stillroom/).check();
      await first.page.getByRole('button', { name: 'Set up Stillroom' }).click();
      await first.page.getByLabel('I have kept my recovery code somewhere safe').check();
      await first.page.getByRole('button', { name: 'Continue' }).click();
      await expect(first.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    } finally {
      await first.app.close();
    }
    const second = await launchApp({ dataDir: first.dataDir });
    try {
      await expect(second.page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
      await second.page.getByRole('button', { name: "Unlock with this computer's keychain" }).click();
      await expect(second.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    } finally {
      await second.app.close();
    }
  });

  test('locks when the system suspends (powerMonitor "suspend")', async () => {
    const { app, page } = await launchApp();
    try {
      await createVault(page);
      await app.evaluate(({ powerMonitor }) => powerMonitor.emit('suspend'));
      await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
      expect(await callApi(page, 'vault.status')).toMatchObject({ value: { state: 'locked' } });
    } finally {
      await app.close();
    }
  });

  test('on Linux, locks when the desktop reports the session locked (no lock-screen event there)', async () => {
    test.skip(process.platform !== 'linux', 'Windows and macOS send lock-screen; only Linux polls.');
    const { app, page } = await launchApp();
    try {
      await createVault(page);
      // The desktop's answer is the OS's: the only thing replaced.
      await app.evaluate(({ powerMonitor }) => {
        powerMonitor.getSystemIdleState = () => 'locked';
      });
      await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible({
        timeout: 15_000,
      });
    } finally {
      await app.close();
    }
  });

  test('a second start brings back a window that was closed to the tray', async () => {
    const { app, page, dataDir } = await launchApp();
    try {
      await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible();
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await expect.poll(async () => (await mainWindowFacts(app))?.visible).toBe(false);
      // The second Stillroom finds the first holding the lock, hands over and quits.
      const second = await runOnce(dataDir);
      expect(second.code).toBe(0);
      await expect.poll(async () => (await mainWindowFacts(app))?.visible).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('a start that fails says so, logs only the kind of error, and exits', async () => {
    // Before `ready`, Linux prints the error box to stderr; elsewhere it is a modal dialog.
    test.skip(process.platform !== 'linux', 'The error box is modal on Windows and macOS.');
    const notAFolder = join(tempDir('stillroom-electron-broken-'), 'alice-private-name');
    writeFileSync(notAFolder, 'a file where the data folder should be');
    const run = await runOnce(notAFolder);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Stillroom: start-up failed \(Error E[A-Z]+\)/);
    expect(run.stderr).toContain('Stillroom could not start');
    expect(run.stderr).not.toContain('alice-private-name');
  });
});
