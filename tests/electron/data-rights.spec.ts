import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { callApi, createVault, launchApp } from './electron-app';

/**
 * Erase everything in the desktop app: the shell clears Chromium's storage for the app's session
 * (the page's localStorage here is cleared by the shell alone: the page is never told to), and
 * the vault, its key and the settings file leave the data folder.
 */
test.describe('Electron app: erase everything', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('clears the session storage and the vault files', async () => {
    const { app, page, dataDir } = await launchApp();
    try {
      await createVault(page);
      expect(await callApi(page, 'settings.update', { theme: 'dark' })).toMatchObject({ ok: true });
      await page.evaluate(() => localStorage.setItem('stillroom.probe', 'left by the test'));
      expect(existsSync(join(dataDir, 'vault.db'))).toBe(true);

      expect(
        await callApi(page, 'data.eraseAll', { confirm: 'ERASE', backups: true, safetyCopies: true }),
      ).toMatchObject({
        ok: true,
        value: { erased: expect.arrayContaining(['what the app window kept in its own storage']) },
      });
      expect(await page.evaluate(() => localStorage.getItem('stillroom.probe'))).toBeNull();
      for (const name of ['vault.db', 'keyring.json', 'settings.json']) {
        expect(existsSync(join(dataDir, name)), name).toBe(false);
      }
      expect(await callApi(page, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'new' } });
    } finally {
      await app.close();
    }
  });
});
