import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { ageDecryptWithIdentity, ageKeygen, unzipText } from '../helpers/age-cli';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi, chooseInFileChooser, saveThroughHost } from '../helpers/host-api';

/**
 * Issue 9: choose two of five diary entries and one check-in, preview, export an encrypted file,
 * open it again in the coach view, and see exactly those.
 */

let host: HostProcess;

function callApi(page: Page, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, host, name, data);
}

test.beforeEach(async ({ page }) => {
  host = await startHostProcess();
  await callApi(page, 'vault.create', { passphrase: 'share tests passphrase' });
  for (let n = 1; n <= 5; n += 1) {
    await callApi(page, 'diary.save', {
      occurredAt: new Date(Date.now() - n * 3600_000).toISOString(),
      stress: n,
      what: `Entry number ${n} about the rota`,
    });
  }
  await callApi(page, 'measures.submit', { measureId: 'phq-4', answers: { q1: 1, q2: 0, q3: 2, q4: 1 } });
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Share with a coach' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share with a coach' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

const diaryList = (page: Page) => page.getByRole('group', { name: /Stress diary entries/ });
const checkinList = (page: Page) => page.getByRole('group', { name: /Check-in results/ });

test('two of five entries and one check-in: preview, export, and the coach view shows exactly those', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Nothing is chosen for the user.
  await expect(diaryList(page).getByRole('checkbox')).toHaveCount(5);
  for (const box of await page.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'Do not include this' })).toBeChecked();

  await diaryList(page)
    .getByRole('checkbox', { name: /Entry number 2 / })
    .check();
  await diaryList(page)
    .getByRole('checkbox', { name: /Entry number 4 / })
    .check();
  await checkinList(page).getByRole('checkbox').first().check();
  await page.getByRole('radio', { name: /coach I can contact/ }).check();
  await page.getByRole('button', { name: 'Preview what your coach will see' }).click();

  const report = page.getByTestId('share-report');
  await expect(page.getByRole('heading', { level: 2, name: 'Preview' })).toBeVisible();
  await expect(report.getByTestId('share-diary-entry')).toHaveCount(2);
  await expect(report).toContainText('Entry number 2 about the rota');
  await expect(report).toContainText('Entry number 4 about the rota');
  for (const n of [1, 3, 5]) await expect(report).not.toContainText(`Entry number ${n} `);
  await expect(report.getByRole('heading', { name: 'Check-in results (1)' })).toBeVisible();
  await expect(report).toContainText('I would like a coach I can contact when I ask');

  await page.getByLabel('Who is this for?').fill('Sam, my coach');
  const passphrase = await page.getByLabel('Password for the file', { exact: true }).inputValue();
  expect(passphrase.split('-')).toHaveLength(6);
  await expect(page.getByTestId('share-strength')).toHaveText('Password strength: Strong');
  // Saving is a real download: the browser, not a typed path, decides where it lands.
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Save encrypted file…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^stillroom-share-.*\.age$/);
  const path = join(host.dataDir, '..', `${basename(host.dataDir)}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  expect(readFileSync(path).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
  const done = page.getByTestId('saved-file');
  await expect(done).toContainText(`Downloaded ${download.suggestedFilename()}`);
  await expect(done.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);

  // The history remembers what and for whom, and the coach view opens the file.
  await page.getByRole('button', { name: 'Back to my choices' }).click();
  const history = page.getByRole('list', { name: 'Sharing history' });
  await expect(history).toContainText('Sam, my coach');
  await expect(history).toContainText('2 diary entries, 1 check-in result');

  // Opening it speaks of the password you were given; a key waits under Advanced.
  await page.getByRole('button', { name: 'Open a shared file' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Open a file someone shared with you' }),
  ).toBeVisible();
  const seen = await page.locator('main').innerText();
  // The file itself ends in .age (the chooser says so, to help find it); the tool is not named.
  for (const jargon of [/(?<!\.)\bage\b/i, /\bbits?\b/i, /full path/i, /AGE-SECRET-KEY/i, /secret key/i]) {
    expect(seen).not.toMatch(jargon);
  }
  const advanced = page.locator('details.share-advanced');
  await expect(advanced.locator('summary')).toHaveText('Advanced: you have a key');
  await advanced.locator('summary').click();
  await advanced.getByRole('checkbox', { name: 'Open it with my key instead of a password' }).check();
  await expect(page.getByLabel('Your key', { exact: true })).toBeVisible();
  await expect(page.getByLabel('The password you were given', { exact: true })).toHaveCount(0);
  await advanced.getByRole('checkbox', { name: 'Open it with my key instead of a password' }).uncheck();

  await chooseInFileChooser(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), path);
  await expect(page.getByText(download.suggestedFilename())).toBeVisible();
  const password = page.getByLabel('The password you were given', { exact: true });
  await password.fill('wrong-words-entirely');
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByRole('alert')).toContainText('does not open this file');

  await password.fill(passphrase);
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Shared report (read only)' })).toBeVisible({
    timeout: 30_000,
  });
  const opened = page.getByTestId('share-report');
  await expect(opened.getByTestId('share-diary-entry')).toHaveCount(2);
  await expect(opened).toContainText('Entry number 2 about the rota');
  await expect(opened).toContainText('Entry number 4 about the rota');
  for (const n of [1, 3, 5]) await expect(opened).not.toContainText(`Entry number ${n} `);
  await expect(opened.getByRole('heading', { name: 'Check-in results (1)' })).toBeVisible();

  // Opening it stored nothing: the user's diary still has its five entries.
  const list = (await callApi(page, 'diary.list', { limit: 50 })) as { total: number };
  expect(list.total).toBe(5);
});

test('the default way to lock a file is a password, in plain words; the coach key waits under Advanced', async ({
  page,
}) => {
  await diaryList(page)
    .getByRole('checkbox', { name: /Entry number 2 / })
    .check();
  await page.getByRole('button', { name: 'Preview what your coach will see' }).click();
  await expect(page.getByText('Lock it with a password you’ll give your coach.')).toBeVisible();
  const seen = await page.locator('body').innerText();
  for (const jargon of [/\bage\b/i, /\bbits?\b/i, /full path/i, /AGE-SECRET-KEY/i, /age1/i]) {
    expect(seen).not.toMatch(jargon);
  }

  // Strength in words, and the rule that refuses a weak password still holds.
  const password = page.getByLabel('Password for the file', { exact: true });
  const strength = page.getByTestId('share-strength');
  await expect(strength).toHaveText('Password strength: Strong');
  await password.fill('short one');
  await expect(strength).toHaveText('Password strength: Too easy to guess — add a few words');
  await page.getByRole('button', { name: 'Save encrypted file…' }).click();
  await expect(page.getByRole('alert')).toContainText('Too easy to guess');
  await password.fill('harbour lantern morning');
  await expect(strength).toHaveText('Password strength: Good');
  await password.fill('harbour lantern morning kettle meadow');
  await expect(strength).toHaveText('Password strength: Strong');

  // The coach's key is there for those who have one, explained when opened.
  const advanced = page.locator('details.share-advanced');
  await advanced.locator('summary').click();
  await expect(advanced).toContainText('public key starting “age1”');
  await advanced.getByRole('checkbox', { name: /my coach’s key instead of a password/ }).check();
  await expect(page.getByLabel('Your coach’s key')).toBeVisible();
  await expect(password).toHaveCount(0);
});

test('report.html from the file reads well in a browser with JavaScript off, hostile text shown as text', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const hostile = '</style><script>document.title="pwned"</script><b>bold?</b> "quoted" & done';
  const sources = (await callApi(page, 'share.sources', {})) as {
    diary: { id: string; title: string }[];
    checkins: { id: string }[];
  };
  await callApi(page, 'measures.submit', { measureId: 'phq-4', answers: { q1: 3, q2: 3, q3: 2, q4: 2 } });
  const folder = join(host.dataDir, 'out');
  mkdirSync(folder);
  const coach = ageKeygen(join(host.dataDir, 'coach.key'));
  const sealed = await saveThroughHost(
    page,
    host,
    'share',
    async (target) =>
      (await callApi(page, 'share.export', {
        exportId: crypto.randomUUID(),
        selection: {
          diaryEntryIds: [sources.diary[0]!.id],
          trendMeasureIds: ['phq-4'],
          note: hostile,
        },
        protection: { kind: 'recipient', recipient: coach.publicKey },
        recipientLabel: 'Sam',
        target,
      })) as { status: string; file: { id: string } },
  );
  const sealedPath = join(folder, 'share.age');
  writeFileSync(sealedPath, sealed);
  const zip = join(folder, 'report.zip');
  ageDecryptWithIdentity(sealedPath, zip, join(host.dataDir, 'coach.key'));
  const reportPath = join(folder, 'report.html');
  writeFileSync(reportPath, unzipText(zip, 'report.html'));

  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const reader = await context.newPage();
    const problems: string[] = [];
    reader.on('console', (message) => problems.push(message.text()));
    await reader.goto(pathToFileURL(reportPath).href);
    await expect(reader.getByRole('heading', { level: 1, name: 'Shared from Stillroom' })).toBeVisible();
    await expect(reader.getByText(sources.diary[0]!.title)).toBeVisible();
    await expect(reader.getByText(hostile)).toBeVisible();
    await expect(reader.locator('b')).toHaveCount(0);
    await expect(reader.locator('script')).toHaveCount(0);
    await expect(reader).toHaveTitle(/^Shared from Stillroom/);
    const chart = reader.getByRole('img', { name: /scores over time/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('circle')).toHaveCount(2);
    // The styles apply under the report's own CSP (a refused style would show in the console).
    expect(problems).toEqual([]);
    expect(await reader.locator('body').evaluate((body) => getComputedStyle(body).maxWidth)).not.toBe('none');
  } finally {
    await context.close();
  }
});

test('a half-written choice survives a lock: nothing typed for the coach is lost', async ({ page }) => {
  await diaryList(page)
    .getByRole('checkbox', { name: /Entry number 3 / })
    .check();
  await page.getByLabel('A note for your coach (optional)').fill('The rota has been hard since March.');
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('share tests passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Share with a coach' })
    .click();
  await expect(page.getByLabel('A note for your coach (optional)')).toHaveValue(
    'The rota has been hard since March.',
  );
  await expect(diaryList(page).getByRole('checkbox', { name: /Entry number 3 / })).toBeChecked();
});
