import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { electronBinary } from '../helpers/electron-binary';
import { projectRoot } from '../helpers/layering';

export const PASSPHRASE = 'electron spec passphrase';

/** Starts the built app (npm run build) on its own data folder; the binary must exist. */
export async function launchApp(
  options: { dataDir?: string; args?: string[] } = {},
): Promise<{ app: ElectronApplication; page: Page; dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir('stillroom-electron-');
  const app = await electron.launch({
    executablePath: electronBinary(),
    args: [projectRoot, ...(options.args ?? [])],
    env: { ...process.env, STILLROOM_DATA_DIR: dataDir },
  });
  const page = await app.firstWindow();
  return { app, page, dataDir };
}

/** One Api call from the page, as the renderer makes it; the result is checked by the caller. */
export function callApi(
  page: Page,
  name: string,
  input: object = {},
): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    ([call, body]) =>
      (
        window as unknown as {
          stillroom: { calls: Record<string, (input: object) => Promise<{ ok: boolean; value?: unknown }>> };
        }
      ).stillroom.calls[call]!(body),
    [name, input] as const,
  );
}

/** A vault made through the Api (the setup screen has its own spec); fails loudly if it was not made. */
export async function createVault(page: Page, useKeychain = false): Promise<void> {
  expect(await callApi(page, 'vault.create', { passphrase: PASSPHRASE, useKeychain })).toMatchObject({
    ok: true,
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

/** The page of the window whose URL ends so, once it exists (windows open in any order). */
export async function pageEndingWith(app: ElectronApplication, suffix: string): Promise<Page> {
  await expect.poll(() => app.windows().some((page) => page.url().endsWith(suffix))).toBe(true);
  return app.windows().find((page) => page.url().endsWith(suffix))!;
}

export interface WindowFacts {
  url: string;
  visible: boolean;
  focused: boolean;
  fullScreen: boolean;
  simpleFullScreen: boolean;
  focusable: boolean;
  contentProtected: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

/** What the main process knows about every window. */
export function windowFacts(app: ElectronApplication): Promise<WindowFacts[]> {
  return app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({
      url: w.webContents.getURL(),
      visible: w.isVisible(),
      focused: w.isFocused(),
      fullScreen: w.isFullScreen(),
      simpleFullScreen: process.platform === 'darwin' && w.isSimpleFullScreen(),
      focusable: w.isFocusable(),
      contentProtected: process.platform !== 'linux' && w.isContentProtected(),
      bounds: w.getBounds(),
    })),
  );
}

export async function mainWindowFacts(app: ElectronApplication): Promise<WindowFacts | undefined> {
  return (await windowFacts(app)).find(
    (w) => w.url.startsWith('app://stillroom/') && !w.url.endsWith('?room'),
  );
}
