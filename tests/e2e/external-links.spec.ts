import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildPack, generateKeys, manifest, newArticle } from '../helpers/content-pack';
import { tempDir } from '../helpers/host-harness';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi, chooseInFileChooser } from '../helpers/host-api';

/**
 * Issue 19, finding 8: in the browser host, links in content and policy were plain new-tab links,
 * whatever they pointed at. They now pass the desktop app's own allow-list (crisis services and
 * the organisation's contacts, https or a plain mail address); anything else is shown as text.
 */

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
});

/** A policy file beside the data folder (IT's, not the user's). */
function writePolicy(dataDir: string, policy: object): string {
  const path = join(dataDir, '..', `policy-${Date.now()}.json`);
  writeFileSync(path, JSON.stringify({ format: 1, organisation: { name: 'Northfield Council' }, ...policy }));
  return path;
}

async function addPack(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library' }).click();
  await chooseInFileChooser(
    page,
    () => page.getByRole('button', { name: 'Add an update file…' }).click(),
    path,
  );
}

test('a signed pack’s link to another site is shown as text; a crisis line stays a link', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const keys = generateKeys();
  const dataDir = tempDir('stillroom-e2e-links-');
  const policy = writePolicy(dataDir, { contentPacks: { trustedKeys: [keys.publicKeyPem] } });

  const article = newArticle('odd-links', 'Odd links', 'kingfisher').replace(
    '\nThis is about kingfisher',
    '\nSee [the evil site](https://evil.example/), [a dressed-up one](https://www.samaritans.org@evil.example/) ' +
      'and [Samaritans](https://www.samaritans.org/).\n\nThis is about kingfisher',
  );
  const good = join(dataDir, '..', `links-${Date.now()}.stillroom-pack`);
  writeFileSync(
    good,
    buildPack({
      manifest: manifest({ changes: [{ article: 'odd-links', change: 'added' }] }),
      articles: { 'odd-links': article },
      privateKeyPem: keys.privateKeyPem,
    }),
  );
  const mail = join(dataDir, '..', `mail-${Date.now()}.stillroom-pack`);
  writeFileSync(
    mail,
    buildPack({
      manifest: manifest({ id: 'mail-updates', changes: [{ article: 'mail-link', change: 'added' }] }),
      articles: {
        'mail-link': newArticle('mail-link', 'Mail link', 'heron').replace(
          '\nThis is about heron',
          '\nWrite to [us](mailto:help@samaritans.org?attach=/etc/passwd).\n\nThis is about heron',
        ),
      },
      privateKeyPem: keys.privateKeyPem,
    }),
  );

  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir, STILLROOM_POLICY: policy });
  await callHostApi(page, host, 'vault.create', { passphrase: 'links tests passphrase' });
  await page.goto(host.url);

  // A mail link with a query (attach=, body=) is refused with the whole pack.
  await addPack(page, mail);
  await expect(page.getByRole('alert')).toContainText('mailto');

  await addPack(page, good);
  await expect(page.getByRole('status').filter({ hasText: 'with 1 new article' })).toBeVisible();
  await page.getByRole('list', { name: 'New articles' }).getByRole('link', { name: 'Odd links' }).click();
  const body = page.locator('article').filter({ hasText: 'kingfisher' });
  await expect(body.getByText('the evil site')).toBeVisible();
  await expect(body.getByRole('link', { name: 'the evil site' })).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'a dressed-up one' })).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'Samaritans' })).toHaveAttribute(
    'href',
    'https://www.samaritans.org/',
  );
  expect(await page.locator('a[href*="evil.example"]').count()).toBe(0);
});

test('a policy whose crisis link hides another host behind a user name is refused', async ({ page }) => {
  const dataDir = tempDir('stillroom-e2e-links-');
  const policy = writePolicy(dataDir, {
    crisis: {
      country: 'GB',
      emergency: '999',
      checked: '2026-11-01',
      resources: [
        {
          name: 'Samaritans',
          description: 'Talk to someone, any time.',
          phone: '116 123',
          url: 'https://www.samaritans.org@evil.example/',
        },
      ],
    },
  });
  host = await startHostProcess({ STILLROOM_DATA_DIR: dataDir, STILLROOM_POLICY: policy });
  const state = (await callHostApi(page, host, 'policy.get', {})) as { state: string; problems?: string[] };
  expect(state.state).toBe('invalid');
  expect(state.problems?.join(' ')).toMatch(/crisis\.resources\.0\.url/);
  await callHostApi(page, host, 'vault.create', { passphrase: 'links tests passphrase' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Need help now?' }).first().click();
  await expect(page.getByRole('heading', { name: 'Samaritans' }).first()).toBeVisible();
  expect(await page.locator('a[href*="evil.example"]').count()).toBe(0);
});
