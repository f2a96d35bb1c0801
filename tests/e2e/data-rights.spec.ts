import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ageDecryptWithPassphrase, unzipText } from '../helpers/age-cli';
import { validateAgainstDocs } from '../helpers/full-export-schema';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { projectRoot } from '../helpers/layering';
import { findMarker, listFiles } from '../helpers/vault-files';

/**
 * Issue 18, data rights, in Chromium against the browser host: export everything (downloaded, opened by
 * Debian's age, data.json checked against docs/full-export.schema.json), then erase everything
 * after typing ERASE, with a scan of the data folder: no marker, no vault, and first-run setup.
 */

const PASSPHRASE = 'data rights passphrase';
const MARKER = 'Quokka-teapot-9081';
const SCHEMA = JSON.parse(
  readFileSync(join(projectRoot, 'docs', 'full-export.schema.json'), 'utf8'),
) as object;

let host: HostProcess;
let outside: string;

test.beforeEach(async ({ page }) => {
  outside = mkdtempSync(join(tmpdir(), 'stillroom-e2e-export-'));
  host = await startHostProcess();
  await page.goto(host.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set up Stillroom' }).click();
  await page.getByLabel('I have kept my recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
  rmSync(outside, { recursive: true, force: true });
});

async function open(page: Page, section: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

test('export everything, then erase everything: nothing of the person is left in the data folder', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page, 'Diary');
  await page.getByLabel('What happened?', { exact: true }).fill(`The ${MARKER} meeting`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved in your diary.')).toBeVisible();

  await open(page, 'Settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  const card = page.getByRole('region', { name: 'Your data' });
  await card.locator('summary', { hasText: 'Export everything' }).click();
  const passphrase = await card.getByLabel('Passphrase for the file').inputValue();
  expect(passphrase.split('-').length).toBeGreaterThanOrEqual(6);
  // No folder to type: the browser host downloads the file, and the browser decides where it lands.
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await card.getByRole('button', { name: 'Export everything' }).click();
  const download = await downloading;
  const file = download.suggestedFilename();
  expect(file).toMatch(/^stillroom-everything-.*\.age$/);
  await download.saveAs(join(outside, file));
  await expect(card.getByTestId('saved-file')).toContainText(`Downloaded ${file}`);
  await expect(card.getByTestId('saved-file')).toContainText('Keep the passphrase with it');

  const zip = join(outside, 'opened.zip');
  ageDecryptWithPassphrase(join(outside, file), zip, passphrase);
  const data = JSON.parse(unzipText(zip, 'data.json')) as { diary: { what: string }[] };
  expect(validateAgainstDocs(SCHEMA, data).errors).toEqual([]);
  expect(data.diary.map((entry) => entry.what)).toEqual([`The ${MARKER} meeting`]);
  expect(unzipText(zip, 'report.html')).toContain(MARKER);

  // Erase: the word must be typed; anything else erases nothing.
  await card.locator('summary', { hasText: 'Erase everything' }).click();
  const erase = page.getByRole('form', { name: 'Erase everything from this computer' });
  await expect(erase).toContainText('What Stillroom cannot erase');
  await erase.getByLabel('Type ERASE to confirm').fill('erase');
  await erase.getByRole('button', { name: 'Erase everything' }).click();
  await expect(erase.getByRole('alert')).toContainText('Nothing has been erased');
  expect(listFiles(host.dataDir)).toContain('vault.db');

  await erase.getByRole('checkbox', { name: /Backups/ }).check();
  await erase.getByRole('checkbox', { name: /Safety copies/ }).check();
  await erase.getByLabel('Type ERASE to confirm').fill('ERASE');
  await erase.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible({ timeout: 30_000 });

  const left = listFiles(host.dataDir);
  expect(left.filter((name) => /vault|keyring|backups\/|safety-copies\//.test(name))).toEqual([]);
  expect(left).toEqual([]);
  expect(findMarker(host.dataDir, MARKER)).toEqual([]);
  // The page's own storage was emptied: the theme hint ("dark") is gone, and the fresh start wrote
  // back only the default one; the host's run token stays so the page can reach the host.
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'stillroom.theme': 'system' });
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['stillroom.hostToken']);
  // The export, kept outside the data folder, is still there.
  expect(listFiles(outside)).toContain(file);
});
