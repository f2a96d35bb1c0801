import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { createVault, launchApp } from './electron-app';

const binary = electronBinary();

/**
 * The OS's open and save dialogs belong to the OS, so they are stubbed inside Electron's main
 * process; everything else is the real app: the save target, the write, "Show in folder".
 */
async function stubDialogs(
  app: ElectronApplication,
  answers: { save?: string | null; open?: string | null },
) {
  await app.evaluate(({ dialog, shell }, given) => {
    const record = globalThis as unknown as { asked: unknown[]; revealed: string[] };
    record.asked ??= [];
    record.revealed ??= [];
    const answer = async (options: unknown) => {
      record.asked.push(options);
      return given;
    };
    // Called with (window, options) or (options); the options are last either way.
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      await answer(args.at(-1));
      return given.save ? { canceled: false, filePath: given.save } : { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      await answer(args.at(-1));
      return given.open ? { canceled: false, filePaths: [given.open] } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
    shell.showItemInFolder = (path: string) => {
      record.revealed.push(path);
    };
  }, answers);
}

test.describe('Electron file dialogs', () => {
  test.skip(!binary, ELECTRON_SKIP_REASON);

  test('a backup is saved where the dialog says, shown in its folder, and restored from the open dialog', async () => {
    const elsewhere = tempDir('stillroom-electron-chosen-');
    const { app, page, dataDir } = await launchApp({ dataDir: tempDir('stillroom-electron-dialogs-') });
    try {
      // Fails loudly if the vault was not made (the old spec ignored a failed create).
      await createVault(page);
      await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
      const backup = page.locator('details', { hasText: 'Back up your data' });
      await backup.getByText('Back up your data').click();
      await backup.getByLabel('Backup passphrase', { exact: true }).fill('backup words here');
      await backup.getByLabel('Type it again').fill('backup words here');

      // Cancelled: nothing written, nothing said.
      await stubDialogs(app, { save: null });
      await backup.getByRole('button', { name: 'Save backup…' }).click();
      await expect(backup.getByTestId('saved-file')).toHaveCount(0);

      // Inside the data folder: refused, with the reason.
      await stubDialogs(app, { save: join(dataDir, 'in-here') });
      await backup.getByRole('button', { name: 'Save backup…' }).click();
      await expect(backup.getByRole('alert')).toContainText('data folder');
      expect(existsSync(join(dataDir, 'in-here.stillroom-backup'))).toBe(false);

      // Chosen without the extension (Linux dialogs do not add it): saved with it.
      const chosen = join(elsewhere, 'my-backup');
      await stubDialogs(app, { save: chosen });
      await backup.getByRole('button', { name: 'Save backup…' }).click();
      const saved = backup.getByTestId('saved-file');
      await expect(saved).toContainText('my-backup.stillroom-backup', { timeout: 30_000 });
      const path = `${chosen}.stillroom-backup`;
      expect(readFileSync(path).subarray(0, 17).toString()).toBe('STILLROOM-BACKUP\n');
      await saved.getByRole('button', { name: 'Show in folder' }).click();

      const seen = await app.evaluate(({ app: electronApp }) => {
        const record = globalThis as unknown as { asked: { defaultPath?: string }[]; revealed: string[] };
        return {
          asked: record.asked,
          revealed: record.revealed,
          documents: electronApp.getPath('documents'),
        };
      });
      expect(seen.revealed).toEqual([path]);
      for (const asked of seen.asked) {
        expect(asked.defaultPath?.startsWith(seen.documents)).toBe(true);
        expect(asked.defaultPath?.startsWith(dataDir)).toBe(false);
      }

      await stubDialogs(app, { open: path });
      const restore = page.locator('details', { hasText: 'Restore from a backup' });
      await restore.getByText('Restore from a backup').click();
      await restore.getByRole('button', { name: 'Choose file…' }).click();
      await expect(restore.getByText('my-backup.stillroom-backup')).toBeVisible();
      await restore.getByLabel('Passphrase used for the backup').fill('backup words here');
      await restore.getByRole('checkbox').check();
      await restore.getByRole('button', { name: 'Restore backup' }).click();
      await expect(page.getByText('Your backup is restored.')).toBeVisible({ timeout: 30_000 });
    } finally {
      await app.close();
    }
  });
});
