import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

const PASSPHRASE = 'a safety plan passphrase';
let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** Opens "Need help now?" on a gate screen and checks UK lines are there, without unlocking. */
async function gateHelpShowsLines(page: Page) {
  await page.getByRole('button', { name: 'Need help now?' }).click();
  const panel = page.getByTestId('help-panel');
  await expect(panel.getByText('Call 116 123').first()).toBeVisible();
  await expect(panel.getByText('0808 808 8000')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'NHS 24 in Scotland' })).toBeVisible();
}

async function setUp(page: Page) {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set up Stillroom' }).click();
  await page.getByLabel('I have kept my recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

async function unlock(page: Page) {
  await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

async function openHelp(page: Page) {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Need help now?' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
}

test('crisis lines reach the user from the setup screen and the lock screen, without unlocking', async ({
  page,
}) => {
  host = await startHostProcess({ STILLROOM_REGION: 'GB' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible();
  await gateHelpShowsLines(page);
  // The half-typed passphrase below is kept while help is open.
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Hide help lines' }).click();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue(PASSPHRASE);
  await page.getByLabel('Passphrase', { exact: true }).fill('');
  await setUp(page);

  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
  await gateHelpShowsLines(page);
  // While locked, another country's lines can be looked at (not saved: that needs the vault).
  await page.getByLabel('Show help lines for').selectOption('IE');
  await expect(page.getByTestId('help-panel').getByText('Text TALK to 50808')).toBeVisible();
});

test('crisis lines reach the user from a problem screen', async ({ page }) => {
  const dataDir = tempDir('stillroom-e2e-problem-');
  // A data file without its key file: Stillroom shows the problem and deletes nothing.
  writeFileSync(join(dataDir, 'vault.db'), 'not really a database');
  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir, STILLROOM_REGION: 'GB' });
  await page.goto(host.url);
  await expect(page.getByText(/keyring\.json\) is missing/)).toBeVisible();
  await gateHelpShowsLines(page);
});

test('the safety plan is saved, then reopened from Help after a restart; the country chosen is kept', async ({
  page,
}) => {
  const dataDir = tempDir('stillroom-e2e-plan-');
  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir, STILLROOM_REGION: 'GB' });
  await page.goto(host.url);
  await setUp(page);
  await openHelp(page);
  await page.getByLabel('My warning signs').fill('Not sleeping, skipping lunch');
  await page.getByLabel('People I can ask for help').fill('My sister');
  await page.getByRole('button', { name: 'Save my safety plan' }).click();
  await expect(page.getByText('Your safety plan is saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print my safety plan' })).toBeVisible();

  // The country is changed and its lines shown.
  await page.getByLabel('Show help lines for').selectOption('IE');
  const panel = page.getByTestId('help-panel');
  await expect(panel.getByText('Saved. Stillroom will show these lines first from now on.')).toBeVisible();
  await expect(panel.getByText('Text TALK to 50808')).toBeVisible();
  await expect(panel.getByText("If your life or someone else's is in danger now, call 112.")).toBeVisible();
  await expect(panel.getByText('Text SHOUT to 85258')).toHaveCount(0);

  await host.stop();
  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir, STILLROOM_REGION: 'GB' });
  await page.goto(host.url);
  // Locked, the computer's region decides: the saved choice is inside the vault.
  await page.getByRole('button', { name: 'Need help now?' }).click();
  await expect(page.getByTestId('help-panel').getByText('Text SHOUT to 85258')).toBeVisible();
  await page.getByRole('button', { name: 'Hide help lines' }).click();
  await unlock(page);
  await openHelp(page);
  await expect(page.getByLabel('My warning signs')).toHaveValue('Not sleeping, skipping lunch');
  await expect(page.getByLabel('People I can ask for help')).toHaveValue('My sister');
  await expect(page.getByLabel('Show help lines for')).toHaveValue('IE');
  await expect(page.getByTestId('help-panel').getByText('Text TALK to 50808')).toBeVisible();
});

test('without the organisation’s permission the PSS-10 is not offered, and onboarding still works', async ({
  page,
}) => {
  host = await startHostProcess({ STILLROOM_REGION: 'GB' });
  await page.goto(host.url);
  await setUp(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Check-ins' }).click();
  await expect(page.getByRole('button', { name: 'Start the mood check' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the stress check' })).toHaveCount(0);
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the distress check' }).click();
  await expect(page.getByTestId('licence-notice')).toContainText('© World Health Organization');
  await page.getByRole('button', { name: 'Not now' }).click();

  await nav.getByRole('button', { name: 'Course' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Make the course yours' })).toBeVisible();
  // Three questions, one per screen, and never the stress check's.
  await expect(page.getByText('Question 1 of 3', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Question 2 of 3', { exact: true })).toBeVisible();
  await page.getByRole('radio', { name: 'About 30 minutes' }).click();
  await expect(page.getByText('Question 3 of 3', { exact: true })).toBeVisible();
  await expect(page.getByText('A short stress check')).toHaveCount(0);
  await page.getByRole('radio', { name: /On my own/ }).click();
  await expect(page.getByRole('heading', { name: 'Your suggested order' })).toBeVisible();
  await expect(page.getByText('A short stress check')).toHaveCount(0);
});
