import { _electron as electron, expect, test } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { projectRoot } from '../helpers/layering';

const binary = electronBinary();

test.describe('Electron session room', () => {
  test.skip(!binary, ELECTRON_SKIP_REASON);

  test('opens the room in its own protected full-screen window, hides it, and reopens it', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: [projectRoot],
      env: { ...process.env, STILLROOM_DATA_DIR: tempDir('stillroom-electron-room-') },
    });
    try {
      const main = await app.firstWindow();
      await main.evaluate(() =>
        (
          window as unknown as {
            stillroom: { calls: { 'vault.create': (input: object) => Promise<unknown> } };
          }
        ).stillroom.calls['vault.create']({ passphrase: 'electron room passphrase' }),
      );
      await main.reload();
      await main.getByRole('button', { name: 'Start a quick session' }).click();
      const room = await app.waitForEvent('window');
      expect(room.url()).toBe('app://stillroom/index.html?room');
      await expect(room.getByRole('heading', { level: 1, name: 'Arrive' })).toBeVisible();
      await room.getByLabel('A work thought to park').fill('Invoices');
      await room.getByRole('button', { name: 'Park it' }).click();

      const windows = () =>
        app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((w) => ({
            url: w.webContents.getURL(),
            visible: w.isVisible(),
            fullScreen: w.isFullScreen(),
            focusable: w.isFocusable(),
            // False on Linux, where the OS offers no such protection; true on Windows and macOS.
            protected: process.platform === 'linux' || w.isContentProtected(),
          })),
        );
      const roomWindow = async () => (await windows()).find((w) => w.url.endsWith('?room'));
      await expect.poll(async () => (await roomWindow())?.visible).toBe(true);
      expect(await roomWindow()).toMatchObject({ fullScreen: true, focusable: true, protected: true });
      // Curtains (one per other display) never take focus.
      for (const curtain of (await windows()).filter((w) => w.url === ''))
        expect(curtain.focusable).toBe(false);

      // The in-room "Hide now" goes to the neutral screen; Continue brings the room back as it was.
      await room.getByRole('button', { name: 'Hide now' }).click();
      await expect(room.getByRole('button', { name: 'Continue' })).toBeFocused();
      await room.getByRole('button', { name: 'Continue' }).click();
      await expect(room.getByRole('list', { name: 'Parked thoughts' })).toContainText('Invoices');

      await room.getByRole('button', { name: 'Leave early' }).click();
      await room.getByRole('button', { name: 'Back to work' }).click();
      await expect(room.getByRole('list', { name: 'Your parked thoughts, handed back' })).toContainText(
        'Invoices',
      );
      await room.getByRole('button', { name: 'Close the room' }).click();
      await expect.poll(async () => (await roomWindow())?.visible).toBe(false);
    } finally {
      await app.close();
    }
  });
});
