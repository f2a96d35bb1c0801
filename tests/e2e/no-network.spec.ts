import { expect, test } from '@playwright/test';
import { startHostProcess } from '../helpers/host-process';
import { isLoopbackOrUnconnected, socketsOf } from '../helpers/sockets';

/**
 * Privacy is the product: a whole journey (setup, a diary entry, settings, help, lock, unlock)
 * must not reach anything but the app's own loopback host, from the page or from the host process.
 */
test('a full journey talks to nothing but the local host', async ({ page }) => {
  const host = await startHostProcess();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));
  try {
    await page.goto(host.url);
    await page.getByLabel('Passphrase', { exact: true }).fill('no network at all');
    await page.getByLabel('Type it again').fill('no network at all');
    await page.getByRole('button', { name: 'Set up Stillroom' }).click();
    await page.getByLabel('I have kept my recovery code somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('button', { name: 'Diary' }).click();
    await page.getByLabel('What happened?').fill('A private note that must not leave');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved in your diary.')).toBeVisible();
    for (const name of ['Course', 'Check-ins', 'Library', 'Settings', 'Need help now?', 'Today']) {
      await nav.getByRole('button', { name }).click();
    }
    await nav.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('no network at all');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

    expect(requests.length).toBeGreaterThan(5);
    const origin = new URL(host.url).origin;
    const wsOrigin = origin.replace('http:', 'ws:');
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith(wsOrigin));
    expect(foreign).toEqual([]);

    const pid = host.process.pid as number;
    const sockets = socketsOf(pid);
    expect(sockets.some((socket) => socket.state === 'LISTEN')).toBe(true);
    expect(
      sockets.filter((s) => !isLoopbackOrUnconnected(s.local) || !isLoopbackOrUnconnected(s.remote)),
    ).toEqual([]);
  } finally {
    await host.stop();
  }
});
