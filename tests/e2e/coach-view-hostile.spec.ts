import { expect, test, type Page } from '@playwright/test';
import { coachKey, shareZip, validShareData, writeAgeFile } from '../helpers/hostile-share';
import { callHostApi, chooseInFileChooser } from '../helpers/host-api';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/**
 * Issue 19, finding 7: a file that passed the old schema (a time that is not a date, scores near
 * the float limits) put the coach view on its error screen or Infinity into its chart. Such a
 * file is now refused with a sentence, and the screen stays usable.
 */

let host: HostProcess;

test.beforeEach(async ({ page }) => {
  host = await startHostProcess();
  await callHostApi(page, host, 'vault.create', { passphrase: 'coach view passphrase' });
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Share with a coach' })
    .click();
  await page.getByRole('button', { name: 'Open a shared file' }).click();
});

test.afterEach(async () => {
  await host.stop();
});

async function openWithKey(page: Page, path: string): Promise<void> {
  // After a refused file the button offers another one.
  const choose = page.getByRole('button', { name: /^Choose (another )?file…$/ });
  await chooseInFileChooser(page, () => choose.click(), path);
  const useKey = page.getByRole('checkbox', { name: 'Open it with my key instead of a password' });
  if (!(await useKey.isVisible())) await page.locator('details.share-advanced summary').click();
  await useKey.check();
  await page.getByLabel('Your key', { exact: true }).fill((await coachKey()).identity);
  await page.getByRole('button', { name: 'Open file' }).click();
}

test('a file whose times are not dates, or whose scores are huge, is refused in words', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const notADate = validShareData();
  notADate.diary[0]!.occurredAt = 'not a date';
  const hugeScores = validShareData();
  hugeScores.trends[0]!.min = -1e308;
  hugeScores.trends[0]!.max = 1e308;
  hugeScores.trends[0]!.points[0]!.score = 1e308;

  for (const [name, data] of [
    ['not-a-date.age', notADate],
    ['huge-scores.age', hugeScores],
  ] as const) {
    await openWithKey(page, await writeAgeFile(host.dataDir, name, shareZip(data)));
    await expect(page.getByRole('alert')).toContainText('not a report shared from Stillroom');
    await expect(page.getByRole('heading', { name: 'Open a file someone shared with you' })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a well-made file still opens, and its chart holds only finite coordinates', async ({ page }) => {
  await openWithKey(page, await writeAgeFile(host.dataDir, 'good.age', shareZip(validShareData())));
  const report = page.getByTestId('share-report');
  await expect(report).toContainText('A note for my coach');
  const chart = await report.locator('svg.share-chart').innerHTML();
  expect(chart).toContain('polyline');
  expect(chart).not.toMatch(/Infinity|NaN/);
});
