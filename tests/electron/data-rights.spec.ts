import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { projectRoot } from '../helpers/layering';

const binary = electronBinary();

type Bridge = { stillroom: { calls: Record<string, (input: object) => Promise<{ ok: boolean }>> } };

/**
 * Erase everything in the desktop app: the shell clears Chromium's storage for the app's session
 * (the page's localStorage here is cleared by the shell alone: the page is never told to), and
 * the vault, its key and the settings file leave the data folder.
 */
test.describe('Electron app: erase everything', () => {
  test.skip(!binary, ELECTRON_SKIP_REASON);

  test('clears the session storage and the vault files', async () => {
    const dataDir = tempDir('stillroom-electron-erase-');
    const app = await electron.launch({
      executablePath: binary,
      args: [projectRoot],
      env: { ...process.env, STILLROOM_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      const call = (name: string, input: object) =>
        page.evaluate(([n, i]) => (window as unknown as Bridge).stillroom.calls[n as string]?.(i as object), [
          name,
          input,
        ] as const);
      expect(
        await call('vault.create', { passphrase: 'electron erase passphrase', useKeychain: false }),
      ).toMatchObject({
        ok: true,
      });
      expect(await call('settings.update', { theme: 'dark' })).toMatchObject({ ok: true });
      await page.evaluate(() => localStorage.setItem('stillroom.probe', 'left by the test'));
      expect(existsSync(join(dataDir, 'vault.db'))).toBe(true);

      expect(
        await call('data.eraseAll', { confirm: 'ERASE', backups: true, safetyCopies: true }),
      ).toMatchObject({
        ok: true,
        value: { erased: expect.arrayContaining(['what the app window kept in its own storage']) },
      });
      expect(await page.evaluate(() => localStorage.getItem('stillroom.probe'))).toBeNull();
      for (const name of ['vault.db', 'keyring.json', 'settings.json']) {
        expect(existsSync(join(dataDir, name)), name).toBe(false);
      }
      expect(await call('vault.status', {})).toMatchObject({ ok: true, value: { state: 'new' } });
    } finally {
      await app.close();
    }
  });
});
