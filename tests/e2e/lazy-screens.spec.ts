import { expect, test, type Page } from '@playwright/test';
import { hostToken } from '../helpers/host-api';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/**
 * Every screen but Today loads its code on first use. When that code is slow to arrive (a busy
 * machine), the current screen stays with a calm "Opening…", and focus still lands on the new
 * screen's heading once it is there; when it cannot arrive at all, the person gets a clear way on
 * instead of a blank page.
 */
let host: HostProcess;

test.beforeAll(async ({ playwright }) => {
  host = await startHostProcess();
  const token = hostToken(host);
  const request = await playwright.request.newContext();
  const created = await request.post(`${host.origin}/api/vault.create`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { passphrase: 'lazy screens passphrase' },
  });
  expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
  await request.dispose();
});

test.afterAll(async () => {
  await host.stop();
});

/** Holds back the Course screen's code until `release` is called (or fails it, for `abort`). */
async function holdCourseCode(page: Page, outcome: 'delay' | 'abort'): Promise<() => void> {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/CourseScreen-[^/]+\.js$/, async (route) => {
    await released;
    if (outcome === 'abort') await route.abort();
    else await route.continue();
  });
  return release;
}

test('a screen whose code is slow says it is opening, then takes focus to its heading', async ({ page }) => {
  const release = await holdCourseCode(page, 'delay');
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Course' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Opening…' })).toBeVisible();
  // Nothing blanks meanwhile: Today stays on screen until the Course has arrived.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeFocused();
  await expect(nav.getByRole('button', { name: 'Course' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('status').filter({ hasText: 'Opening…' })).toHaveCount(0);
});

test('a screen whose code cannot load says so and offers to load Stillroom again', async ({ page }) => {
  const release = await holdCourseCode(page, 'abort');
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Course' }).click();
  release();
  await expect(page.getByRole('alert')).toContainText('This part of Stillroom did not open');
  // The rest of the app still works: the other screens open as before.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Diary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeFocused();
  await page.unroute(/\/assets\/CourseScreen-[^/]+\.js$/);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Course' }).click();
  await page.getByRole('button', { name: 'Load Stillroom again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
});
