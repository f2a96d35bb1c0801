import { expect, type Page } from '@playwright/test';

/**
 * The reminder views for the accessibility walk: the rule form, a saved rule with its calendar
 * export open, quiet hours open, the Monday message on, and the in-app reminder banner's place.
 * Leaves the page on Reminders with everything open, for the caller's own visit.
 */
export async function visitReminderViews(page: Page, visit: (screen: string) => Promise<void>) {
  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await expect(page.getByRole('heading', { name: 'A new reminder' })).toBeVisible();
  await page.getByLabel('Every few days').check();
  await visit('reminder form');
  await page.getByLabel('At what time?').fill('10:00');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByText('Your reminder is saved.')).toBeVisible();
  await page.getByText('Add to my work calendar').click();
  await page.getByLabel('Keep quiet hours').check();
  await page.getByRole('button', { name: 'Turn on the Monday message' }).click();
  await expect(page.getByRole('heading', { name: 'This week’s Monday message' })).toBeVisible();
}
