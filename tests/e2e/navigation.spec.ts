import { expect, test, type Page } from '@playwright/test';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi } from '../helpers/host-api';
import { answerOnboarding } from '../helpers/onboarding-steps';

/**
 * Issue 17 point 9: the active section's link returns to its start, every view change starts at
 * the top, and Back (a visible link and Alt+←) goes to the previous view within a section.
 */

let host: HostProcess;

test.beforeEach(async ({ page }) => {
  host = await startHostProcess({ STILLROOM_POLICY: licensedPolicy() });
  await callHostApi(page, host, 'vault.create', { passphrase: 'navigation tests passphrase' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const backLink = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Back', exact: true });
const scrollTop = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollTop ?? -1);

async function scrollToBottom(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await scrollTop(page)).toBeGreaterThan(100);
}

test('course: views start at the top, Back and Alt+Left go back, the Course link returns to the map', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await sections(page).getByRole('button', { name: 'Course' }).click();
  await answerOnboarding(page, {
    focus: ['Too much to do at work'],
    minutes: 'About 20 minutes',
    support: /On my own/,
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeVisible();
  await scrollToBottom(page);
  // "Go to my course" at the foot of a long page lands at the top of the course.
  await page.getByRole('button', { name: 'Go to my course' }).click();
  await expect(page.getByTestId('module-m1')).toBeVisible();
  await expect.poll(() => scrollTop(page)).toBe(0);
  await expect(backLink(page)).toHaveCount(0);

  // A module opened from far down the map starts at its top, with Back to the map.
  await scrollToBottom(page);
  await page.getByTestId('module-m1').getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeFocused();
  expect(await scrollTop(page)).toBe(0);
  await backLink(page).click();
  await expect(page.getByTestId('module-m1')).toBeVisible();
  await expect(backLink(page)).toHaveCount(0);

  // Module, then a step: Alt+Left goes back to the module, the Back link back to the map.
  await page.getByTestId('module-m1').getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeFocused();
  await scrollToBottom(page);
  await page.locator('.step-open').first().click();
  await expect(page.getByRole('button', { name: 'Back to the module' })).toBeVisible();
  await expect.poll(() => scrollTop(page)).toBe(0);
  await page.getByRole('button', { name: 'Back to the module' }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to the module' })).toHaveCount(0);

  // The active section's link, from a step, returns to the course map.
  await page.locator('.step-open').first().click();
  await expect(page.getByRole('button', { name: 'Back to the module' })).toBeVisible();
  await sections(page).getByRole('button', { name: 'Course' }).click();
  await expect(page.getByTestId('module-m1')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeFocused();
  await expect(backLink(page)).toHaveCount(0);
  // Alt+Left at the start goes nowhere.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('module-m1')).toBeVisible();
});

test('library: an article starts at the top, Back walks back through articles, the Library link returns to the list', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await sections(page).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(backLink(page)).toHaveCount(0);

  // Open an article from the foot of the list: it starts at the top.
  const shelf = page.locator('details.shelf').last();
  await shelf.locator('summary').click();
  const last = shelf.getByRole('link').last();
  const firstTitle = (await last.innerText()).split('\n')[0] ?? '';
  await scrollToBottom(page);
  await last.click();
  const firstHeading = page.getByRole('heading', { level: 2, name: firstTitle });
  await expect(firstHeading).toBeFocused();
  expect(await scrollTop(page)).toBe(0);

  // A related article, from the foot of the first one; then back to the first, then the list.
  const related = page.getByRole('list', { name: 'Related articles' }).getByRole('link').first();
  const secondTitle = (await related.innerText()).split('\n')[0] ?? '';
  await scrollToBottom(page);
  await related.click();
  await expect(page.getByRole('heading', { level: 2, name: secondTitle })).toBeFocused();
  expect(await scrollTop(page)).toBe(0);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(firstHeading).toBeFocused();
  await backLink(page).click();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
  await expect(backLink(page)).toHaveCount(0);

  // The active section's link, from an article, returns to the list.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('perfection');
  await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Perfectionism' })).toBeFocused();
  await sections(page).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
});
