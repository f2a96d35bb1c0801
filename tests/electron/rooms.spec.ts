import { expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { createVault, launchApp, pageEndingWith, windowFacts } from './electron-app';

const PRIVACY_KEY = 'Control+Shift+Space';

test.describe('Electron session room', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('opens in its own protected window covering its display, hides, reopens, and ends', async () => {
    const { app, page } = await launchApp();
    try {
      await createVault(page);
      await page.getByRole('button', { name: 'Start a quick session' }).click();
      // Found by its URL once it exists: curtains are windows too, and they may open first.
      const room = await pageEndingWith(app, '?room');
      expect(room.url()).toBe('app://stillroom/index.html?room');
      await expect(room.getByRole('heading', { level: 1, name: 'Arrive' })).toBeVisible();
      await room.getByRole('button', { name: 'Park a thought' }).click();
      await room.getByLabel('A work thought to park').fill('Invoices');
      await room.getByRole('button', { name: 'Park it' }).click();

      const roomWindow = async () => (await windowFacts(app)).find((w) => w.url.endsWith('?room'));
      await expect.poll(async () => (await roomWindow())?.visible).toBe(true);
      const facts = (await roomWindow())!;
      expect(facts).toMatchObject({ focusable: true, focused: true });
      if (process.platform === 'darwin') {
        // Simple full screen: never a native full-screen Space (see room-window-options.ts).
        expect(facts).toMatchObject({ simpleFullScreen: true, fullScreen: false });
      } else {
        expect(facts.fullScreen).toBe(true);
      }
      // Content protection where the OS has it (windowFacts reports false on Linux, which has none).
      expect(facts.contentProtected).toBe(process.platform !== 'linux');

      // The privacy key is global only while a room is open.
      expect(
        await app.evaluate(({ globalShortcut }, key) => globalShortcut.isRegistered(key), PRIVACY_KEY),
      ).toBe(true);

      // The in-room "Hide now" goes to the neutral screen; Continue brings the room back as it was.
      await room.getByRole('button', { name: 'Hide now' }).click();
      await expect(room.getByRole('button', { name: 'Continue' })).toBeFocused();
      await room.getByRole('button', { name: 'Continue' }).click();
      await expect(room.getByRole('list', { name: 'Parked thoughts' })).toContainText('Invoices');

      // The in-room key (the fallback where no global key could be had, e.g. Wayland without the
      // portal) does the same from the keyboard.
      await room.keyboard.press(PRIVACY_KEY);
      await expect(room.getByRole('button', { name: 'Continue' })).toBeFocused();
      await room.keyboard.press(PRIVACY_KEY);
      await expect(room.getByRole('list', { name: 'Parked thoughts' })).toContainText('Invoices');

      await room.getByRole('button', { name: 'Leave early' }).click();
      await room.getByRole('button', { name: 'Back to work' }).click();
      await expect(room.getByRole('list', { name: 'Your parked thoughts, handed back' })).toContainText(
        'Invoices',
      );
      expect(
        await app.evaluate(({ globalShortcut }, key) => globalShortcut.isRegistered(key), PRIVACY_KEY),
      ).toBe(false);
      await room.getByRole('button', { name: 'Close the room' }).click();
      await expect.poll(async () => (await roomWindow())?.visible).toBe(false);
    } finally {
      await app.close();
    }
  });

  test('puts a curtain on every other display, never focusable, protected, covering it', async () => {
    const { app, page } = await launchApp();
    try {
      const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().map((d) => d.bounds));
      test.skip(displays.length < 2, `This machine has ${displays.length} display; curtains need a second.`);
      await createVault(page);
      await page.getByRole('button', { name: 'Start a quick session' }).click();
      await pageEndingWith(app, '?room');
      const curtains = async () => (await windowFacts(app)).filter((w) => w.url === '');
      await expect
        .poll(async () => (await curtains()).filter((c) => c.visible).length)
        .toBe(displays.length - 1);
      for (const curtain of await curtains()) {
        expect(curtain).toMatchObject({ focusable: false, focused: false });
        expect(curtain.contentProtected).toBe(process.platform !== 'linux');
        expect(displays).toContainEqual(curtain.bounds);
        if (process.platform !== 'darwin') expect(curtain.fullScreen).toBe(true);
        else expect(curtain.fullScreen).toBe(false);
      }
      const room = (await windowFacts(app)).find((w) => w.url.endsWith('?room'))!;
      expect(displays).toContainEqual(room.bounds);
    } finally {
      await app.close();
    }
  });
});
