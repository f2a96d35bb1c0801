import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { describeViolations, seriousViolations } from '../helpers/axe';
import { callHostApi, hostToken } from '../helpers/host-api';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';

let host: HostProcess;
let clockFile: string;

function setClock(iso: string) {
  writeFileSync(clockFile, iso);
}

test.beforeEach(async ({ page }) => {
  clockFile = join(tempDir('stillroom-clock-'), 'now.txt');
  setClock('2026-11-02T09:00:00Z');
  host = await startHostProcess({ STILLROOM_TEST_CLOCK_FILE: clockFile, STILLROOM_POLICY: licensedPolicy() });
  const token = hostToken(host);
  const created = await page.request.post(`${host.origin}/api/vault.create`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { passphrase: 'check-in tests passphrase' },
  });
  expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Check-ins' }).click();
});

test.afterEach(async () => {
  await host.stop();
});

/** Answers every question of the open questionnaire with the option at `pick(index)`. */
async function answerAll(page: Page, pick: (index: number) => number) {
  const questions = page.locator('fieldset.question');
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  for (let index = 0; index < count; index += 1) {
    await questions.nth(index).getByRole('radio').nth(pick(index)).check();
  }
  return count;
}

/** The Start buttons styled as the primary action (the design's quieter ones are `.secondary`). */
const primaryStarts = (page: Page) =>
  page.locator('button:not(.secondary):not(.link-button)').filter({ hasText: /^Start/ });

test('the list leads with plain names, suggests one check, and keeps the clinical ones under "More check-ins"', async ({
  page,
}) => {
  const headings = page.getByRole('main').getByRole('heading', { level: 2 });
  // Nothing planned, so the wellbeing check is the one suggested, first and with the only primary Start.
  await expect(headings.first()).toHaveText(/^Wellbeing check\s*WHO-5/);
  await expect(page.getByRole('heading', { level: 2, name: /^Stress check/ })).toContainText('PSS-10');
  await expect(primaryStarts(page)).toHaveCount(1);
  await expect(primaryStarts(page)).toHaveAccessibleName('Start the wellbeing check');
  await expect(page.getByRole('button', { name: 'Start the stress check' })).toHaveClass(/secondary/);
  await expect(page.getByRole('heading', { level: 2, name: /^PSS-10/ })).toHaveCount(0);

  // The clinical questionnaires wait behind "More check-ins".
  const lowMood = page.getByRole('button', { name: 'Start the low mood check' });
  await expect(lowMood).toBeHidden();
  await page.getByText('More check-ins').click();
  await expect(lowMood).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the worry check' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the distress check' })).toBeVisible();
  await expect(primaryStarts(page)).toHaveCount(1);
  await lowMood.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Low mood check\s*PHQ-9$/);
});

test('PHQ-9 with thoughts of self-harm opens the calm safety screen at once, and never blocks', async ({
  page,
}) => {
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Low mood check PHQ-9' })).toBeVisible();
  // Everything "Not at all" except question 9, "Several days"; the optional difficulty question left out.
  const questions = page.locator('fieldset.question');
  for (let index = 0; index < 9; index += 1) {
    await questions
      .nth(index)
      .getByRole('radio')
      .nth(index === 8 ? 1 : 0)
      .check();
  }
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByTestId('safety-screen')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Thank you for answering honestly' }),
  ).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Samaritans' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A minute to ground yourself' })).toBeVisible();

  await page.getByLabel('People I can ask for help').fill('My sister, 07000 000000');
  await page.getByRole('button', { name: 'Save my safety plan' }).click();
  await expect(page.getByText('Your safety plan is saved.')).toBeVisible();

  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your low mood check results PHQ-9' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /Total: 1/ })).toBeVisible();
});

test('PSS-10 on two dates shows a trend, as a chart and as a table', async ({ page }) => {
  await page.getByRole('button', { name: 'Start the stress check' }).click();
  expect(await answerAll(page, () => 1)).toBe(10);
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your stress check results PSS-10' }),
  ).toBeVisible();
  // 10 answers of "Almost never" (1); items 4, 5, 7, 8 reversed to 3: 6 × 1 + 4 × 3 = 18, moderate.
  await expect(page.getByRole('heading', { name: /Perceived stress: 18/ })).toBeVisible();
  await expect(page.getByText('What might help:')).toBeVisible();
  await page.getByRole('button', { name: 'Back to check-ins' }).click();

  setClock('2026-11-16T09:00:00Z');
  await page.getByRole('button', { name: 'Start the stress check' }).click();
  await answerAll(page, () => 3);
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('button', { name: 'See how it changes over time' }).click();

  const table = page.getByTestId('history-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText(/16 Nov|Nov 16/);
  await expect(table.locator('tbody tr').last()).toContainText(/\b2 Nov|Nov 2\b/);
  await expect(page.getByTestId('trend-chart').locator('svg')).toBeVisible();
});

/** PSS-10 answers scoring `total`: 0 (low), 18 (moderate) or 40 (high). Items 4, 5, 7, 8 are reversed. */
function pssAnswers(total: 0 | 18 | 40): Record<string, number> {
  const reversed = new Set([4, 5, 7, 8]);
  const answers: Record<string, number> = {};
  for (let item = 1; item <= 10; item += 1) {
    const plain = total === 0 ? 0 : total === 18 ? 1 : 4;
    answers[`q${item}`] = reversed.has(item) && total !== 18 ? 4 - plain : plain;
  }
  return answers;
}

test('a history of three check-ins reads in plain words: a summary, which way is better, bands in a table, axe clean', async ({
  page,
}) => {
  for (const [when, total] of [
    ['2026-10-05T09:00:00Z', 40],
    ['2026-11-02T09:00:00Z', 18],
    ['2026-11-23T09:00:00Z', 0],
  ] as const) {
    setClock(when);
    await callHostApi(page, host, 'measures.submit', { measureId: 'pss-10', answers: pssAnswers(total) });
  }
  // The summary speaks of "weeks ago" from the computer's own clock, so the page's clock moves too.
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await page.getByRole('button', { name: 'Past results of the stress check' }).click();

  const history = page.getByRole('region', { name: /Stress check over time/ });
  await expect(history.getByTestId('trend-summary')).toHaveText('Lower than three weeks ago');
  await expect(history.getByText('Lower is better')).toBeVisible();
  await expect(history.getByTestId('trend-chart').locator('svg')).toBeVisible();
  await expect(history.getByTestId('trend-chart')).toHaveAttribute('aria-hidden', 'true');
  // The chart's bands are named in plain words, behind the line.
  for (const band of ['Low', 'Moderate', 'High']) {
    await expect(history.getByTestId('trend-chart').getByText(band, { exact: true })).toBeAttached();
  }

  const table = history.getByRole('table', { name: /Stress check results/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Date', 'Score', 'Band']);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // Dates in the browser's locale (en-US here, "Nov 23, 2026"; en-GB would say "23 Nov 2026").
  for (const [index, date, score, band] of [
    [0, /\b23 Nov 2026|Nov 23, 2026/, '0', 'Low'],
    [1, /\b2 Nov 2026|Nov 2, 2026/, '18', 'Moderate'],
    [2, /\b5 Oct 2026|Oct 5, 2026/, '40', 'High'],
  ] as const) {
    await expect(rows.nth(index).getByRole('rowheader')).toHaveText(date);
    await expect(rows.nth(index).getByRole('cell')).toHaveText([score, band]);
  }

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { failing } = await seriousViolations(page);
    expect(failing, `axe, ${theme} theme:\n${describeViolations(failing)}`).toEqual([]);
  }
});

test('a history of one check-in says nothing about a trend yet, and stays axe clean', async ({ page }) => {
  await callHostApi(page, host, 'measures.submit', { measureId: 'pss-10', answers: pssAnswers(18) });
  await page.getByRole('button', { name: 'Past results of the stress check' }).click();
  const history = page.getByRole('region', { name: /Stress check over time/ });
  await expect(history.getByText('One check-in so far.', { exact: false })).toBeVisible();
  await expect(history.getByText('Perceived stress · Lower is better')).toBeVisible();
  await expect(history.getByTestId('trend-summary')).toHaveCount(0);
  await expect(history.getByTestId('trend-chart')).toHaveCount(0);
  await expect(history.getByRole('table').locator('tbody tr')).toHaveCount(1);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { failing } = await seriousViolations(page);
    expect(failing, `axe, ${theme} theme:\n${describeViolations(failing)}`).toEqual([]);
  }
});

test('a check-in plan shows what is due, and nothing once it is done', async ({ page }) => {
  // PHQ-4 asks about the last two weeks, so it is planned no more often than that.
  await expect(
    page.getByLabel('How often to take the mood check').locator('option[value="weekly"]'),
  ).toHaveCount(0);
  await page.getByLabel('How often to take the mood check').selectOption('fortnightly');
  await expect(page.getByText('Mood check: every two weeks.')).toBeVisible();
  await expect(page.getByText('Ready when you are')).toBeVisible();
  // What is due becomes the suggested check, with the one primary Start.
  await expect(primaryStarts(page)).toHaveAccessibleName('Start the mood check');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Check-ins you planned' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to check-ins' }).click();
  await page.getByRole('button', { name: 'Start the mood check' }).click();
  await answerAll(page, () => 0);
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('button', { name: 'Back to check-ins' }).click();
  await expect(page.getByText('Ready when you are')).toHaveCount(0);
  setClock('2026-11-09T09:00:01Z');
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Check-ins' }).click();
  await expect(page.getByLabel('How often to take the mood check')).toHaveValue('fortnightly');
  await expect(page.getByText('Ready when you are')).toHaveCount(0);
  setClock('2026-11-16T09:00:01Z');
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Check-ins' }).click();
  await expect(page.getByText('Ready when you are')).toBeVisible();
});

test('a planned check-in can be given a reminder straight from Check-ins', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Set a reminder for your check-ins' })).toHaveCount(0);
  await page.getByLabel('How often to take the mood check').selectOption('fortnightly');
  await page.getByRole('button', { name: 'Set a reminder for your check-ins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'My check-in' })).toBeChecked();
});
