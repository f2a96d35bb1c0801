import { expect, test, type ElectronApplication } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { callApi, createVault, launchApp, mainWindowFacts } from './electron-app';

/**
 * Electron keeps no list of trays or shown notifications, so the spec records them as the app
 * makes them: the context menu each time the tray sets one, and each notification as it shows.
 * The OS's part (drawing them, the person's click) is then played by calling the same handlers.
 */
async function recordTrayAndNotifications(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Notification, Tray }) => {
    const record = globalThis as unknown as {
      trayMenu?: Electron.Menu;
      notifications: Electron.Notification[];
    };
    record.notifications = [];
    const setContextMenu = Tray.prototype.setContextMenu;
    Tray.prototype.setContextMenu = function (this: Electron.Tray, menu: Electron.Menu | null) {
      if (menu) record.trayMenu = menu;
      return setContextMenu.call(this, menu);
    };
    Notification.prototype.show = function (this: Electron.Notification) {
      record.notifications.push(this);
      this.emit('show');
    };
  });
}

function clickTrayItem(app: ElectronApplication, label: string): Promise<void> {
  return app.evaluate((_electron, itemLabel) => {
    const menu = (globalThis as unknown as { trayMenu?: Electron.Menu }).trayMenu;
    const item = menu?.items.find((candidate) => candidate.label === itemLabel);
    if (!item) throw new Error(`No tray item "${itemLabel}"`);
    item.click();
  }, label);
}

function trayLabels(app: ElectronApplication): Promise<{ label: string; enabled: boolean }[]> {
  return app.evaluate(() =>
    ((globalThis as unknown as { trayMenu?: Electron.Menu }).trayMenu?.items ?? [])
      .filter((item) => item.type !== 'separator')
      .map((item) => ({ label: item.label, enabled: item.enabled })),
  );
}

test.describe('Electron tray and notifications', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('the tray pauses reminders, locks, and opens a hidden window', async () => {
    const { app, page } = await launchApp();
    try {
      await recordTrayAndNotifications(app);
      // Creating the vault is one of the calls after which the tray menu is rebuilt.
      await createVault(page);
      await expect.poll(() => trayLabels(app)).toContainEqual({ label: 'Lock Stillroom', enabled: true });

      await clickTrayItem(app, 'Pause reminders until tomorrow');
      await expect
        .poll(
          async () =>
            ((await callApi(page, 'reminders.get')).value as { pausedUntil: string | null }).pausedUntil,
        )
        .not.toBeNull();
      await expect.poll(() => trayLabels(app)).toContainEqual({ label: 'Resume reminders', enabled: true });
      await clickTrayItem(app, 'Resume reminders');
      await expect
        .poll(() => trayLabels(app))
        .toContainEqual({ label: 'Pause reminders until tomorrow', enabled: true });

      await clickTrayItem(app, 'Lock Stillroom');
      await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
      await expect.poll(() => trayLabels(app)).toContainEqual({ label: 'Lock Stillroom', enabled: false });

      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await expect.poll(async () => (await mainWindowFacts(app))?.visible).toBe(false);
      await clickTrayItem(app, 'Open Stillroom');
      await expect.poll(async () => (await mainWindowFacts(app))?.visible).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('a click on a reminder notification shows the hidden window on the reminder’s screen', async () => {
    const { app, page } = await launchApp();
    try {
      await recordTrayAndNotifications(app);
      await createVault(page);
      expect(await callApi(page, 'vault.setAutoLock', { minutes: 0 })).toMatchObject({ ok: true });
      // Any three days hold a weekday 08:30 in every time zone.
      expect(
        await callApi(page, 'reminders.saveRule', {
          label: 'private words',
          target: 'checkin',
          frequency: { kind: 'weekdays' },
          time: '08:30',
        }),
      ).toMatchObject({ ok: true });
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await expect.poll(async () => (await mainWindowFacts(app))?.visible).toBe(false);

      // Three days pass (the clock is the one thing moved), then the computer wakes: one look.
      await app.evaluate(({ powerMonitor }) => {
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + 3 * 24 * 60 * 60 * 1000;
        powerMonitor.emit('resume');
      });
      await expect
        .poll(() =>
          app.evaluate(() => (globalThis as unknown as { notifications: unknown[] }).notifications.length),
        )
        .toBe(1);
      const shown = await app.evaluate(() => {
        const [notification] = (globalThis as unknown as { notifications: Electron.Notification[] })
          .notifications;
        return { title: notification!.title, body: notification!.body };
      });
      expect(shown).toEqual({ title: 'Stillroom', body: 'Your check-in is ready when you are' });
      expect(JSON.stringify(shown)).not.toContain('private');

      await app.evaluate(() => {
        const [notification] = (globalThis as unknown as { notifications: Electron.Notification[] })
          .notifications;
        notification!.emit('click');
      });
      await expect.poll(async () => (await mainWindowFacts(app))?.visible).toBe(true);
      await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeVisible();
    } finally {
      await app.close();
    }
  });
});
