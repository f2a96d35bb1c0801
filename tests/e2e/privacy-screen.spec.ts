import { expect, test, type Page } from '@playwright/test';
import { callHostApi } from '../helpers/host-api';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';

/** Issue 17 point 3: the privacy key and a "Hide screen" button on every screen of the main window. */

let host: HostProcess;

test.beforeEach(async ({ page }) => {
  host = await startHostProcess({ STILLROOM_POLICY: licensedPolicy() });
  await callHostApi(page, host, 'vault.create', { passphrase: 'privacy screen tests passphrase' });
  await page.goto(host.url);
});

test.afterEach(async () => {
  await host.stop();
});

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test('the privacy key hides a half-answered PHQ-9 at once, and brings it back as it was', async ({
  page,
}) => {
  await sections(page).getByRole('button', { name: 'Check-ins' }).click();
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Low mood check\s*PHQ-9$/ })).toBeVisible();
  const firstAnswer = page.locator('fieldset.question').first().getByRole('radio').nth(1);
  await firstAnswer.check();
  const itemNine = page.getByText(
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  );
  await expect(itemNine).toBeVisible();
  const titleBefore = await page.title();

  await page.keyboard.press('Control+Shift+Space');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await expect(itemNine).toBeHidden();
  await expect(page).toHaveTitle('Paused');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  // Nothing of the app behind is left, for the eye or for assistive technology.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);

  await page.keyboard.press('Control+Shift+Space');
  await expect(itemNine).toBeVisible();
  await expect(page).toHaveTitle(titleBefore);
  await expect(firstAnswer).toBeChecked();
  await expect(firstAnswer).toBeFocused();
});

test('"Hide screen" in the sidebar covers a half-typed diary entry, and Continue restores it', async ({
  page,
}) => {
  await sections(page).getByRole('button', { name: 'Diary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  const what = page.getByLabel('What happened?', { exact: true });
  await what.fill('My manager shouted at me in front of the team');

  await page.getByRole('button', { name: 'Hide screen' }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await expect(what).toBeHidden();
  await expect(page).toHaveTitle('Paused');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(what).toHaveValue('My manager shouted at me in front of the team');
  await expect(page).toHaveTitle('Diary · Stillroom');
  await expect(page.getByRole('button', { name: 'Hide screen' })).toBeFocused();
});
