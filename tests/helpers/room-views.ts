import { expect, type Page } from '@playwright/test';

/**
 * The session room's screens, for the accessibility walks: arrival with a parked thought, the
 * neutral screen the privacy key shows, the activity picker, a diary entry inside the room, the
 * wind-down with the gentle next steps for feeling worse, and the thoughts handed back. Starts
 * and ends on Today.
 */
export async function visitRoomViews(page: Page, visit: (screen: string) => Promise<void>): Promise<void> {
  const title = (name: string) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await title('Arrive');
  await page.getByRole('button', { name: 'Park a thought' }).click();
  await page.getByLabel('A work thought to park').fill('Approve the invoices');
  await page.getByRole('button', { name: 'Park it' }).click();
  await page.getByRole('radio', { name: 'Good', exact: true }).check();
  // The room covers the app frame, so it carries its own quiet "Need help now?".
  await page.getByRole('button', { name: 'Need help now?' }).click();
  await expect(page.getByRole('list', { name: 'Places to get help' })).toBeVisible();
  await visit('Room: arrive, with help open');
  await page.getByRole('button', { name: 'Hide now' }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await visit('Room: neutral screen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await title('Your session');
  await visit('Room: choosing an activity');
  await page.getByRole('button', { name: /^Stress diary/ }).click();
  await expect(page.getByLabel('What happened?')).toBeVisible();
  await visit('Room: diary entry');
  await page.getByRole('button', { name: 'Wind down' }).click();
  await title('Wind down');
  await page.getByRole('radio', { name: 'Low', exact: true }).check();
  await expect(page.getByRole('heading', { name: 'If things feel harder now' })).toBeVisible();
  await visit('Room: wind-down, feeling worse');
  await page.getByRole('button', { name: 'Back to work' }).click();
  await title('Back to work');
  await visit('Room: thoughts handed back');
  await page.getByRole('button', { name: 'Close the room' }).click();
  await title('Today');
}
