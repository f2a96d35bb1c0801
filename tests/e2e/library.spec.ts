import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildPack, generateKeys, manifest, newArticle } from '../helpers/content-pack';
import { tempDir } from '../helpers/host-harness';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi, chooseInFileChooser } from '../helpers/host-api';

/** Issue 8: search the library as you type, open an article, bookmark it, find it after a restart. */

const PASSPHRASE = 'library tests passphrase';
let host: HostProcess | undefined;

function callApi(page: Page, running: HostProcess, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, running, name, data);
}

async function openLibrary(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
}

test.afterEach(async () => {
  await host?.stop();
});

test('search as you type, open an article, bookmark it, and find it again after a restart', async ({
  page,
}) => {
  test.setTimeout(90_000);
  host = await startHostProcess();
  await callApi(page, host, 'vault.create', { passphrase: PASSPHRASE });
  await page.goto(host.url);
  await openLibrary(page);

  // Search answers while typing: no button, no Enter.
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.pressSequentially('perfection', { delay: 30 });
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem').first()).toContainText('Perfectionism');
  await expect(page.getByRole('status').filter({ hasText: /for “perfection”/ })).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText(/perfection/i);

  await results.getByRole('link', { name: 'Perfectionism', exact: true }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Perfectionism' });
  await expect(heading).toBeFocused();
  await expect(page.getByText(/min read/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Where this comes from' })).toBeVisible();

  const bookmark = page.getByRole('button', { name: 'Bookmark' });
  await bookmark.click();
  await expect(page.getByRole('button', { name: 'Bookmarked' })).toHaveAttribute('aria-pressed', 'true');

  // Restart the host on the same data folder: everything the user did is in the vault.
  const dataDir = host.dataDir;
  await host.stop();
  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir });
  await page.goto(host.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await openLibrary(page);

  const bookmarks = page.getByRole('list', { name: 'Bookmarks' });
  await expect(bookmarks.getByRole('listitem')).toHaveCount(1);
  await bookmarks.getByRole('link', { name: 'Perfectionism' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Perfectionism' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bookmarked' })).toHaveAttribute('aria-pressed', 'true');

  // Back to the library, by keyboard.
  await page.getByRole('button', { name: 'Back to the library' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Browse by topic' })).toBeVisible();
});

test('an update file adds a new article, marked new until opened; a changed one is refused', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const keys = generateKeys();
  const dataDir = tempDir('stillroom-e2e-library-');
  const policy = join(dataDir, '..', `policy-${Date.now()}.json`);
  writeFileSync(
    policy,
    JSON.stringify({
      format: 1,
      organisation: { name: 'Northfield Council' },
      contentPacks: { trustedKeys: [keys.publicKeyPem] },
    }),
  );
  const pack = buildPack({
    manifest: manifest({ changes: [{ article: 'winter-light', change: 'added' }] }),
    articles: { 'winter-light': newArticle('winter-light', 'Winter light and low energy', 'lanternfish') },
    privateKeyPem: keys.privateKeyPem,
  });
  const good = join(dataDir, '..', `good-${Date.now()}.stillroom-pack`);
  const changed = join(dataDir, '..', `changed-${Date.now()}.stillroom-pack`);
  writeFileSync(good, pack);
  writeFileSync(changed, pack.replace('lanternfish', 'lanternfisk'));

  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir, STILLROOM_POLICY: policy });
  await callApi(page, host, 'vault.create', { passphrase: PASSPHRASE });
  await page.goto(host.url);
  await openLibrary(page);

  const add = () => page.getByRole('button', { name: 'Add an update file…' }).click();
  await chooseInFileChooser(page, add, changed);
  await expect(page.getByRole('alert')).toContainText('changed after it was signed');
  await expect(page.getByRole('list', { name: 'New articles' })).toHaveCount(0);

  await chooseInFileChooser(page, add, good);
  await expect(page.getByRole('status').filter({ hasText: 'with 1 new article' })).toBeVisible();
  const fresh = page.getByRole('list', { name: 'New articles' });
  await expect(fresh.getByRole('listitem')).toHaveCount(1);
  await expect(fresh.getByRole('listitem')).toContainText('New');
  await fresh.getByRole('link', { name: 'Winter light and low energy' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Winter light and low energy' })).toBeFocused();
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Browse by topic' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'New articles' })).toHaveCount(0);
  await expect(page.getByText('Test updates, version 1')).toBeVisible();
});

test('search forgives: a typo and a missing apostrophe still find the article, and course links name their module', async ({
  page,
}) => {
  test.setTimeout(60_000);
  host = await startHostProcess();
  await callApi(page, host, 'vault.create', { passphrase: PASSPHRASE });
  await page.goto(host.url);
  await openLibrary(page);

  const search = page.getByRole('searchbox', { name: 'Search articles' });
  const results = page.getByRole('list', { name: 'Search results' });
  await search.fill('burnuot');
  await expect(
    page.getByRole('status').filter({ hasText: 'Nothing found for “burnuot”. Showing' }),
  ).toContainText('for “burnout”');
  await expect(results.getByRole('listitem').first()).toContainText(/burnout/i);

  await search.fill('cant sleep');
  await expect(results.getByRole('link', { name: /can['’]t sleep/i }).first()).toBeVisible();

  // The article's course links read as the module's name, not "Course module 5".
  await results
    .getByRole('link', { name: /can['’]t sleep/i })
    .first()
    .click();
  const courseLinks = page.getByRole('region', { name: 'In the course' }).getByRole('button');
  await expect(courseLinks.first()).toHaveText(/^Module \d+: \p{L}/u);
  await expect(page.getByText(/Course module \d/)).toHaveCount(0);
});
