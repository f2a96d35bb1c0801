import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseInFileChooser } from '../helpers/host-api';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { describeViolations, seriousViolations } from '../helpers/axe';

const PASSPHRASE = 'quiet harbour lantern';

let host: HostProcess;

test.beforeEach(async () => {
  host = await startHostProcess();
});

test.afterEach(async () => {
  await host.stop();
});

async function setUp(page: Page): Promise<string> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set up Stillroom' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await page.getByLabel('I have kept my recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  return code;
}

async function lock(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
}

test('first run explains the protection, shows the recovery code once, and opens the app', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(
    page.getByText('Everything you write in Stillroom is encrypted and stays on this computer.'),
  ).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByLabel('Type it again').fill('short');
  await page.getByRole('button', { name: 'Set up Stillroom' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 8 characters');
  await setUp(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('recovery-code')).toHaveCount(0);
});

test('the recovery code says why it matters, and can be copied, printed and saved to a file', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  // Printing opens the system dialog: count the calls instead.
  await page.addInitScript(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.goto(host.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set up Stillroom' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  await expect(
    page.getByText(
      'If you forget your passphrase, this code is the only way back in. Nobody else — not your organisation, not us — can recover it.',
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  await page.getByRole('button', { name: 'Print', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // On paper: the code and one line, none of the screen around it.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  await expect(page.getByText('Stillroom recovery code. Keep it somewhere private.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy', exact: true })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByText('Stillroom recovery code. Keep it somewhere private.')).toBeHidden();

  // Saved to a file: in the browser host a real download, holding the code and why it matters.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save to a file…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('stillroom-recovery-code.txt');
  const saved = readFileSync(await download.path(), 'utf8');
  expect(saved).toContain(code);
  expect(saved).toContain('the only way back in');
  await expect(page.getByTestId('saved-file')).toContainText('Downloaded stillroom-recovery-code.txt');
});

test('lock, a wrong passphrase, then unlock with the right one', async ({ page }) => {
  await setUp(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Diary' }).click();
  await page.getByLabel('What happened?').fill('Deadline moved up at short notice');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved in your diary.')).toBeVisible();
  await lock(page);
  await expect(page.getByText('Deadline moved up')).toHaveCount(0);

  await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('does not match');

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Diary' }).click();
  await expect(page.getByText('Deadline moved up at short notice')).toBeVisible();
});

test('several wrong passphrases ask the user to wait, gently', async ({ page }) => {
  await setUp(page);
  await lock(page);
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await page.getByLabel('Passphrase', { exact: true }).fill(`wrong ${attempt}`);
    const unlock = page.getByRole('button', { name: 'Unlock', exact: true });
    await expect(unlock).toBeEnabled({ timeout: 10_000 });
    await unlock.click();
    await expect(page.getByRole('alert')).toContainText('does not match');
  }
  await expect(page.getByText(/you can try again in \d+ second/)).toBeVisible();
});

test('the recovery code sets a new passphrase and is replaced by a new code', async ({ page }) => {
  const code = await setUp(page);
  await lock(page);
  await page.getByRole('button', { name: /Use your recovery code/ }).click();
  await page.getByLabel('Recovery code').fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByLabel('New passphrase').fill('a brand new passphrase');
  await page.getByLabel('Type it again').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Set new passphrase' }).click();
  const newCode = (await page.getByTestId('recovery-code').textContent()) ?? '';
  expect(newCode).not.toBe(code);
  await page.getByLabel('I have kept my recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  await lock(page);
  await page.getByLabel('Passphrase', { exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test('auto-lock can be chosen in Settings; a backup is downloaded and restored from an upload', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await setUp(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Lock Stillroom when I have not used it').selectOption('5');
  await expect(page.getByText('Stillroom will lock after 5 minutes without use.')).toBeVisible();
  const backup = page.locator('details', { hasText: 'Back up your data' });
  await backup.getByText('Back up your data').click();
  await backup.getByLabel('Backup passphrase', { exact: true }).fill('backup words here');
  await backup.getByLabel('Type it again').fill('backup words here');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save backup…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^stillroom-backup-.*\.stillroom-backup$/);
  await expect(backup.getByTestId('saved-file')).toContainText('Downloaded stillroom-backup-');
  // Nothing of it sits next to the vault.
  expect(readdirSync(host.dataDir).filter((name) => name.includes('backup'))).toEqual([]);
  const saved = join(host.dataDir, '..', `${basename(host.dataDir)}-${download.suggestedFilename()}`);
  await download.saveAs(saved);

  const restore = page.locator('details', { hasText: 'Restore from a backup' });
  await restore.getByText('Restore from a backup').click();
  await expect(page.getByText(/full path|location/i)).toHaveCount(0);
  // A file that is not a backup: refused with the reason, nothing changed.
  const junk = `${saved}.txt`;
  writeFileSync(junk, 'just some text');
  await chooseInFileChooser(page, () => restore.getByRole('button', { name: 'Choose file…' }).click(), junk);
  await restore.getByLabel('Passphrase used for the backup').fill('backup words here');
  await restore.getByRole('checkbox').check();
  await restore.getByRole('button', { name: 'Restore backup' }).click();
  await expect(restore.getByRole('alert')).toContainText('not a Stillroom backup');

  await chooseInFileChooser(
    page,
    () => restore.getByRole('button', { name: 'Choose another file…' }).click(),
    saved,
  );
  await expect(restore.getByText(download.suggestedFilename())).toBeVisible();
  await restore.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByText('Your backup is restored.')).toBeVisible({ timeout: 30_000 });
});

test('a database engine that cannot load gets its own screen, with no restore offered', async ({ page }) => {
  // The host answers engine_unavailable when the native module fails (proven against the real
  // loader in tests/integration/vault-engine.test.ts); here the page is given that answer.
  const message =
    "Stillroom's database engine could not load on this computer, so your data cannot be opened right now. Nothing has been changed or deleted. Reinstalling Stillroom usually fixes this.";
  await page.route('**/api/vault.status', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: {
          state: 'problem',
          problem: { code: 'engine_unavailable', message },
          unlockMethods: [],
          keychain: { available: false, enrolled: false },
          retryAfterMs: 0,
          autoLockMinutes: 15,
        },
      }),
    }),
  );
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(host.url);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Stillroom could not start properly' }),
    ).toBeVisible();
    await expect(page.getByTestId('vault-problem')).toHaveText(message);
    await expect(page.getByText(/Install Stillroom again/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Restore a backup' })).toHaveCount(0);
    await expect(page.getByText(/damaged/i)).toHaveCount(0);
    const { failing } = await seriousViolations(page);
    expect(describeViolations(failing)).toBe('');
    // Reachable by keyboard: a few Tabs from the top of the page land on it.
    const retry = page.getByRole('button', { name: 'Try again' });
    for (let tab = 0; tab < 5 && !(await retry.evaluate((el) => el === document.activeElement)); tab++) {
      await page.keyboard.press('Tab');
    }
    await expect(retry).toBeFocused();
    if (process.env.STILLROOM_SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.STILLROOM_SCREENSHOTS}/engine-problem-${theme}.png`,
        fullPage: true,
      });
    }
  }
});
