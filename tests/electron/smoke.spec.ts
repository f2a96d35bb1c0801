import { _electron as electron, expect, test } from '@playwright/test';
import { CALL_NAMES } from '../../src-main/contract';
import { tempDir } from '../helpers/host-harness';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { projectRoot } from '../helpers/layering';

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(!binary, ELECTRON_SKIP_REASON);

  test('opens a secure window whose preload exposes only the contract', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: [projectRoot],
      env: { ...process.env, STILLROOM_DATA_DIR: tempDir('stillroom-electron-') },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/stillroom\//);
      const surface = await page.evaluate(() => {
        const bridge = (window as unknown as { stillroom: { calls: object } }).stillroom;
        return {
          top: Object.keys(bridge).sort(),
          calls: Object.keys(bridge.calls).sort(),
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
        };
      });
      expect(surface).toEqual({
        top: ['calls', 'on'],
        calls: [...CALL_NAMES].sort(),
        require: 'undefined',
        process: 'undefined',
      });
      const info = await page.evaluate(() =>
        (
          window as unknown as { stillroom: { calls: { 'app.info': (input: object) => Promise<unknown> } } }
        ).stillroom.calls['app.info']({}),
      );
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
    }
  });
});
