import { expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { callApi, createVault, launchApp } from './electron-app';

/** Issue 17 point 3: in the desktop app the shell catches the privacy key before the page does. */
test.describe('Electron privacy key in the main window', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('hides the window from a focused text field, without a global key, and follows a new key at once', async () => {
    const { app, page } = await launchApp();
    try {
      await createVault(page);
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Diary' }).click();
      const what = page.getByLabel('What happened?', { exact: true });
      await what.fill('The reorganisation meeting');
      await what.focus();
      // Every key the page itself sees, before any of its own listeners.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenKeys: string[] }).seenKeys = seen;
        window.addEventListener('keydown', (event) => seen.push(event.code), { capture: true });
      });
      const seenKeys = () => page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys);

      await page.keyboard.press('Control+Shift+Space');
      await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
      await expect(page).toHaveTitle('Paused');
      // The shell stopped it: the page never had the Space, so the field could not have taken it.
      expect(await seenKeys()).not.toContain('Space');
      // Only while Stillroom is in front: nothing is taken from other apps.
      expect(
        await app.evaluate(({ globalShortcut }) => globalShortcut.isRegistered('Control+Shift+Space')),
      ).toBe(false);

      await page.keyboard.press('Control+Shift+Space');
      await expect(what).toHaveValue('The reorganisation meeting');
      await expect(what).toBeFocused();

      // A new key (as Settings saves it) works from the next press, with no reload.
      expect(await callApi(page, 'rooms.setPrefs', { privacyKey: 'Ctrl+Alt+J' })).toMatchObject({ ok: true });
      await page.keyboard.press('Control+Alt+KeyJ');
      await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
      expect(await seenKeys()).not.toContain('KeyJ');
      await page.keyboard.press('Control+Alt+KeyJ');
      await expect(what).toBeFocused();
      // The old key is an ordinary key press again, and reaches the page.
      await page.keyboard.press('Control+Shift+Space');
      await expect(what).toBeVisible();
      expect(await seenKeys()).toContain('Space');
    } finally {
      await app.close();
    }
  });
});
