import { defineConfig } from '@playwright/test';

/** The Electron smoke test. It skips itself, saying why, where the Electron binary is absent. */
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
