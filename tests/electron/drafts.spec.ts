import { expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { callApi, createVault, launchApp } from './electron-app';

/**
 * Issue 17 point 4 in the desktop app: a half-typed diary entry is kept through a reload of the
 * window (the save on the way out goes over IPC, not the browser host's keepalive fetch), in the
 * encrypted vault rather than the page's own storage.
 */
test.describe('Electron drafts', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('a half-typed diary entry survives a reload of the window, and nothing of it is in page storage', async () => {
    const { app, page } = await launchApp();
    try {
      await createVault(page);
      const diary = () =>
        page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Diary' }).click();
      await diary();
      const what = page.getByLabel('What happened?', { exact: true });
      await what.fill('The budget review went badly');
      await page.reload();
      await diary();
      await page.getByRole('button', { name: 'Carry on' }).click();
      await expect(what).toHaveValue('The budget review went badly');

      expect(await callApi(page, 'drafts.get', { key: 'diary.quick' })).toMatchObject({
        ok: true,
        value: { draft: { fields: { what: 'The budget review went badly' } } },
      });
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      );
      expect(stored).not.toContain('budget review');
    } finally {
      await app.close();
    }
  });
});
