import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi } from '../helpers/host-api';

/** Issue 5: the stress diary by week, search, edit, delete with undo, and thought records. */

let host: HostProcess;

function callApi(page: Page, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, host, name, data);
}

test.beforeEach(async ({ page }) => {
  host = await startHostProcess();
  await callApi(page, 'vault.create', { passphrase: 'diary tests passphrase' });
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Diary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

const entries = (page: Page) => page.getByTestId('stress-entry');
const records = (page: Page) => page.getByTestId('thought-record');

async function next(page: Page, title: string) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused();
}

test('a stress entry and a full thought record: found by search, edited, deleted and put back, by week', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // An entry from last week, to browse back to.
  const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
  await callApi(page, 'diary.save', { occurredAt: lastWeek, stress: 3, what: 'Quiet week, one late train' });

  // The quick entry.
  await page.getByLabel('What happened?', { exact: true }).fill('Printer jammed before the board meeting');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved in your diary.')).toBeVisible();
  await expect(page.getByTestId('week-label')).toContainText('This week');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('Printer jammed before the board meeting');

  // A full thought record, every step.
  await page.getByRole('button', { name: 'Start a thought record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thought record' })).toBeFocused();
  await page.getByLabel(/Where were you/).fill('Presenting the quarterly figures to the team');
  await next(page, 'Automatic thoughts');
  await page.getByLabel('Thought 1', { exact: true }).fill('Everyone thinks I am incompetent');
  await page.getByLabel('How much you believed thought 1 (0 to 100%)').fill('80');
  await next(page, 'Feelings');
  await page.getByLabel('Feeling 1', { exact: true }).fill('anxious');
  await page.getByLabel('How strong feeling 1 was (0 to 100%)').fill('70');
  await next(page, 'Thinking traps');
  await page.getByRole('checkbox', { name: 'Mind reading' }).check();
  await next(page, 'Evidence for the thought');
  const original = page.getByRole('complementary', { name: 'Your original thought' });
  await expect(original).toContainText('Everyone thinks I am incompetent');
  await expect(original).toContainText('80%');
  await page.getByLabel(/What facts support the thought/).fill('Someone frowned during my slides');
  await next(page, 'Evidence against the thought');
  await expect(original).toContainText('Everyone thinks I am incompetent');
  await page.getByLabel(/What facts don't fit/).fill('Two people thanked me afterwards');
  await next(page, 'A balanced thought');
  await expect(original).toBeVisible();
  await page.getByLabel(/fairer way of seeing it/).fill('One frown is not everyone; most of it went well');
  await next(page, 'Rate it again');
  await page.getByLabel('How much you believe your original thought now (0 to 100%)').fill('30');
  await page.getByLabel('How strong “anxious” is now (0 to 100%)').fill('35');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeFocused();
  await expect(page.getByText('Thought record finished and saved.')).toBeVisible();
  await expect(records(page)).toHaveCount(1);
  await expect(records(page).first()).toContainText('Presenting the quarterly figures');
  await expect(records(page).first()).not.toContainText('draft');

  // Search answers as you type, across both kinds.
  const search = page.getByLabel('Search stress entries and thought records');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await search.fill('incompet');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Thought record');
  await expect(results.first().locator('mark').first()).toHaveText(/incompetent/i);
  await search.fill('printer');
  await expect(results.first()).toContainText('Stress diary');
  await expect(results).toHaveCount(1);
  await expect(results.first().locator('mark').first()).toHaveText(/printer/i);

  // Opening the stress result edits it in place.
  await results.first().getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Edit this entry' })).toBeFocused();
  const editing = entries(page).filter({ has: page.getByRole('heading', { name: 'Edit this entry' }) });
  await editing
    .getByLabel('What happened?', { exact: true })
    .fill('Printer jammed again before the board meeting');
  await editing.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Edit this entry' })).toHaveCount(0);
  await expect(entries(page).first()).toContainText('Printer jammed again before the board meeting');

  // Opening the thought result shows the record.
  await search.fill('incompetent');
  await expect(results.first()).toContainText('Thought record');
  await expect(results).toHaveCount(1);
  await results.first().getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thought record' })).toBeFocused();
  await expect(page.getByLabel(/Where were you/)).toHaveValue('Presenting the quarterly figures to the team');
  await page.getByRole('button', { name: 'Back to the diary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeFocused();

  // Delete, then undo: immediately, no dialog.
  await expect(entries(page)).toHaveCount(1);
  await entries(page)
    .first()
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry deleted.' })).toBeVisible();
  await expect(entries(page)).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Entry put back.')).toBeVisible();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('Printer jammed again before the board meeting');

  // A thought record too.
  await records(page)
    .first()
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(records(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(records(page)).toHaveCount(1);

  // Browse to last week and back.
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page.getByTestId('week-label')).toContainText('Last week');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('Quiet week, one late train');
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.getByTestId('week-label')).toContainText('This week');
  await expect(entries(page).first()).toContainText('Printer jammed again');
});

test('a draft thought record saves itself, survives a reload and can be resumed', async ({ page }) => {
  await page.getByRole('button', { name: 'Start a thought record' }).click();
  await page.getByRole('radio', { name: /About 5 minutes/ }).check();
  await page.getByLabel(/Where were you/).fill('Inbox full on Monday morning');
  await next(page, 'Automatic thoughts');
  await page.getByLabel('Thought 1', { exact: true }).fill('I will never catch up');
  // Autosaved a moment after typing stops.
  await expect(page.locator('.save-state')).toHaveText('Saved', { timeout: 5_000 });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  await expect(records(page)).toHaveCount(1);
  const draft = records(page).first();
  await expect(draft).toContainText('Inbox full on Monday morning');
  await expect(draft.getByText('draft', { exact: true })).toBeVisible();

  await draft.getByRole('button', { name: /^Resume/ }).click();
  await expect(page.getByLabel(/Where were you/)).toHaveValue('Inbox full on Monday morning');
  await next(page, 'Automatic thoughts');
  await expect(page.getByLabel('Thought 1', { exact: true })).toHaveValue('I will never catch up');

  // Finishing too early names what is missing.
  const finishNext = page.getByRole('button', { name: 'Next', exact: true });
  for (const title of [
    'Feelings',
    'Thinking traps',
    'Evidence for the thought',
    'Evidence against the thought',
  ]) {
    await finishNext.click();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused();
  }
  await next(page, 'A balanced thought');
  await next(page, 'Rate it again');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('alert')).toContainText('A few things are still needed');
  await expect(page.getByRole('alert')).toContainText('Rate how much you believed this thought');
});
