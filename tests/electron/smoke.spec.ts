import { expect, test } from '@playwright/test';
import { CALL_NAMES } from '../../src-main/contract';
import { contentSecurityPolicy } from '../../src-main/core/security/csp';
import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';
import { callApi, launchApp } from './electron-app';

test.describe('Electron app: window, preload and app://', () => {
  test.skip(!electronBinary(), ELECTRON_SKIP_REASON);

  test('a fresh data folder opens Setup in a secure window whose preload exposes only the contract', async () => {
    const { app, page } = await launchApp();
    try {
      // A new data folder has no vault: Setup, never Today.
      await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/stillroom\//);
      const surface = await page.evaluate(() => {
        const bridge = (window as unknown as { stillroom: { calls: object } }).stillroom;
        return {
          top: Object.keys(bridge).sort(),
          calls: Object.keys(bridge.calls).sort(),
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
          ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
        };
      });
      expect(surface).toEqual({
        top: ['calls', 'on'],
        calls: [...CALL_NAMES].sort(),
        require: 'undefined',
        process: 'undefined',
        ipcRenderer: 'undefined',
      });
      expect(await callApi(page, 'app.info')).toMatchObject({ ok: true, value: { host: 'electron' } });
    } finally {
      await app.close();
    }
  });

  test('app:// serves the page with its CSP, refuses paths outside it, and the page cannot leave', async () => {
    const { app, page } = await launchApp();
    try {
      const served = await page.evaluate(async () => {
        const index = await fetch('app://stillroom/index.html');
        const escape = await fetch('app://stillroom/..%2f..%2fpackage.json');
        return {
          status: index.status,
          csp: index.headers.get('content-security-policy'),
          nosniff: index.headers.get('x-content-type-options'),
          escape: escape.status,
        };
      });
      expect(served).toEqual({ status: 200, csp: contentSecurityPolicy(), nosniff: 'nosniff', escape: 404 });

      // An inline script is refused by the CSP, so injected markup cannot run code.
      const ranInline = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inline = true';
        document.body.append(script);
        return (window as unknown as { __inline?: boolean }).__inline === true;
      });
      expect(ranInline).toBe(false);

      // No new windows, no navigation away, no network from the page.
      expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/stillroom\//);
      expect(app.windows()).toHaveLength(1);
      const fetched = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'fetched',
          () => 'refused',
        ),
      );
      expect(fetched).toBe('refused');
    } finally {
      await app.close();
    }
  });
});
