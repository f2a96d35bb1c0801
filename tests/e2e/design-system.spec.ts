import { expect, test, type Page } from '@playwright/test';
import { hostToken } from '../helpers/host-api';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

// The design system's core (#17 point 1), measured in a real browser: the bundled UI font, native
// controls drawn by the app's CSS, and a layout that centres the content and keeps the sidebar.

let host: HostProcess;

test.beforeAll(async ({ playwright }) => {
  host = await startHostProcess();
  const request = await playwright.request.newContext();
  const created = await request.post(`${host.origin}/api/vault.create`, {
    headers: { Authorization: `Bearer ${hostToken(host)}` },
    data: { passphrase: 'design system passphrase' },
  });
  expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
  await request.dispose();
});

test.afterAll(async () => {
  await host.stop();
});

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('the UI font is the bundled Figtree, and it has loaded', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(family).toMatch(/^"?Figtree/);
  await expect
    .poll(() => page.evaluate(async () => (await document.fonts.load('16px "Figtree Variable"')).length))
    .toBeGreaterThan(0);
});

test('radios and checkboxes are drawn by the app, not the browser', async ({ page }) => {
  await page.goto(host.url);
  await openSection(page, 'Check-ins');
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  const radio = page.getByRole('radio').first();
  await expect(radio).toBeVisible();
  expect(await radio.evaluate((element) => getComputedStyle(element).appearance)).toBe('none');
});

test('at 1920×1080 the main column sits centred in the space right of the sidebar', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const gutters = await page.evaluate(() => {
    const sidebar = document.querySelector('.sidebar')!.getBoundingClientRect();
    const column = document.querySelector('main#main')!.getBoundingClientRect();
    return { left: column.left - sidebar.right, right: document.documentElement.clientWidth - column.right };
  });
  expect(gutters.left).toBeGreaterThan(100);
  expect(Math.abs(gutters.left - gutters.right)).toBeLessThanOrEqual(8);
});

test('the sidebar stays in view while a long screen scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  // A questionnaire: nine questions and their answers, well over a window's height.
  await openSection(page, 'Check-ins');
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(page.getByRole('radio').first()).toBeVisible();
  const scrollable = await page.evaluate(
    () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
  );
  expect(scrollable).toBeGreaterThan(200);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  const sidebarTop = await page.evaluate(
    () => document.querySelector('.sidebar')!.getBoundingClientRect().top,
  );
  expect(sidebarTop).toBeCloseTo(0, 0);
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Lock' }),
  ).toBeInViewport();
});

test('the lock screen fits the window without a scrollbar', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  const { scrollHeight, clientHeight } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight);
});
