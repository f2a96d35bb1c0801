import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the browser host. Playwright's own browser
 * download cannot work on machines that reach only the npm registry, so we point at the system
 * Chromium and turn off everything that would try the network.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    // Dates follow the browser's locale (components/format.ts); pinned so the machine's cannot.
    locale: 'en-GB',
    trace: 'off',
  },
});
