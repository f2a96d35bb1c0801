import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { hostToken } from '../helpers/host-api';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { projectRoot } from '../helpers/layering';

async function openUnlocked(host: HostProcess, page: Page) {
  const token = hostToken(host);
  const created = await page.request.post(`${host.origin}/api/vault.create`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { passphrase: 'policy tests passphrase' },
  });
  expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test('an organisation policy reaches Today, Need help now and Settings', async ({ page }) => {
  const host = await startHostProcess({ STILLROOM_POLICY: join(projectRoot, 'docs', 'example-policy.json') });
  try {
    await openUnlocked(host, page);
    await expect(page.getByRole('heading', { name: 'From Northfield Council' })).toBeVisible();
    await expect(
      page.getByText('We support you taking 20 minutes for this during work hours.'),
    ).toBeVisible();
    await expect(
      page.getByText('Northfield Council cannot see whether or how you use Stillroom.'),
    ).toBeVisible();

    await nav(page).getByRole('button', { name: 'Need help now?' }).click();
    await expect(page.getByRole('heading', { name: 'Northfield wellbeing line' })).toBeVisible();
    await expect(page.getByText('These contacts were provided by your organisation.')).toBeVisible();

    await nav(page).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByText('What your organisation can see: nothing.')).toBeVisible();
    await expect(page.getByTestId('policy-in-force')).toContainText('Northfield Council');
    await expect(page.getByTestId('policy-in-force')).toContainText('Employee Assistance Programme');
  } finally {
    await host.stop();
  }
});

test('a broken policy is reported in Settings and ignored', async ({ page }) => {
  const policy = join(tempDir('stillroom-bad-policy-'), 'policy.json');
  writeFileSync(policy, JSON.stringify({ format: 1, organisation: { name: 'Acme', endorsment: 'typo' } }));
  const host = await startHostProcess({ STILLROOM_POLICY: policy });
  try {
    await openUnlocked(host, page);
    await expect(page.getByRole('heading', { name: /^From / })).toHaveCount(0);
    await nav(page).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('policy-problems')).toContainText('organisation: unknown key "endorsment"');
    await nav(page).getByRole('button', { name: 'Need help now?' }).click();
    await expect(page.getByRole('heading', { name: 'Samaritans' })).toBeVisible();
    await expect(page.getByText('Text SHOUT to 85258')).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('without a policy, the shipped crisis resources show', async ({ page }) => {
  const host = await startHostProcess({ STILLROOM_POLICY: join(tempDir(), 'none.json') });
  try {
    await openUnlocked(host, page);
    await nav(page).getByRole('button', { name: 'Need help now?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'NHS 111 in England' })).toBeVisible();
    await expect(page.locator('.notice')).toHaveText(/danger now, call 999/);
    await nav(page).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByText('No organisation settings are installed on this computer.')).toBeVisible();
  } finally {
    await host.stop();
  }
});
