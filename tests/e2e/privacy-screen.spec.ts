import { expect, test, type Page } from '@playwright/test';
import { callHostApi } from '../helpers/host-api';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';

/** Issue 17 point 3: the privacy key and a "Hide screen" button on every screen of the main window. */

let host: HostProcess;

test.beforeEach(async ({ page }) => {
  host = await startHostProcess({ STILLROOM_POLICY: licensedPolicy() });
  await callHostApi(page, host, 'vault.create', { passphrase: 'privacy screen tests passphrase' });
  await page.goto(host.url);
});

test.afterEach(async () => {
  await host.stop();
});

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test('the privacy key hides a half-answered PHQ-9 at once, and brings it back as it was', async ({
  page,
}) => {
  await sections(page).getByRole('button', { name: 'Check-ins' }).click();
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Low mood check\s*PHQ-9$/ })).toBeVisible();
  const firstAnswer = page.locator('fieldset.question').first().getByRole('radio').nth(1);
  await firstAnswer.check();
  const itemNine = page.getByText(
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  );
  await expect(itemNine).toBeVisible();
  const titleBefore = await page.title();

  await page.keyboard.press('Control+Shift+Space');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await expect(itemNine).toBeHidden();
  await expect(page).toHaveTitle('Paused');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  // Nothing of the app behind is left, for the eye or for assistive technology.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);

  await page.keyboard.press('Control+Shift+Space');
  await expect(itemNine).toBeVisible();
  await expect(page).toHaveTitle(titleBefore);
  await expect(firstAnswer).toBeChecked();
  await expect(firstAnswer).toBeFocused();
});

test('"Hide screen" in the sidebar covers a half-typed diary entry, and Continue restores it', async ({
  page,
}) => {
  await sections(page).getByRole('button', { name: 'Diary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  const what = page.getByLabel('What happened?', { exact: true });
  await what.fill('My manager shouted at me in front of the team');

  await page.getByRole('button', { name: 'Hide screen' }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await expect(what).toBeHidden();
  await expect(page).toHaveTitle('Paused');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(what).toHaveValue('My manager shouted at me in front of the team');
  await expect(page).toHaveTitle('Diary · Stillroom');
  await expect(page.getByRole('button', { name: 'Hide screen' })).toBeFocused();
});

test('a privacy key changed in Settings works at once, here and in a window already open elsewhere', async ({
  page,
  context,
}) => {
  // A second window, open on the diary before the change: nothing there reloads or moves on.
  const other = await context.newPage();
  await other.goto(host.url);
  await sections(other).getByRole('button', { name: 'Diary' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();

  await sections(page).getByRole('button', { name: 'Settings' }).click();
  // Once the saved key has loaded, or it would overwrite what is typed.
  await expect(page.getByLabel('Privacy key')).toHaveValue('Ctrl+Shift+Space');
  await page.getByLabel('Privacy key').fill('Ctrl+Alt+J');
  await page.getByRole('button', { name: 'Save the privacy key' }).click();
  await expect(page.getByText('The privacy key is now Ctrl+Alt+J.')).toBeVisible();

  // Still on Settings: the new key hides the screen, and brings it back.
  await page.keyboard.press('Control+Alt+KeyJ');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Control+Alt+KeyJ');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // The other window: the old key no longer hides it (it would be paused now, and the new key
  // below would bring it back instead), and the new one does.
  await other.bringToFront();
  await other.getByLabel('What happened?', { exact: true }).focus();
  await other.keyboard.press('Control+Shift+Space');
  await other.keyboard.press('Control+Alt+KeyJ');
  await expect(other.getByRole('button', { name: 'Continue' })).toBeFocused();
  await expect(other).toHaveTitle('Paused');
});

/** The blur on a questionnaire item's question, as the browser applies it now. */
const filterOf = (legend: ReturnType<Page['locator']>) =>
  legend.evaluate((element) => getComputedStyle(element).filter);

test('"Soften what\'s on screen" blurs PHQ-9 questions until pointed at or focused', async ({ page }) => {
  await sections(page).getByRole('button', { name: 'Settings' }).click();
  const soften = page.getByRole('checkbox', { name: 'Soften what’s on screen' });
  await expect(soften).not.toBeChecked();
  await soften.check();
  await expect(page.getByText(/^Softened\./)).toBeVisible();

  await sections(page).getByRole('button', { name: 'Check-ins' }).click();
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Low mood check\s*PHQ-9$/ })).toBeVisible();
  await page.mouse.move(0, 0);
  const [first, second] = [0, 1].map((n) => page.locator('fieldset.question').nth(n));
  const firstQuestion = first!.locator('legend');
  const secondQuestion = second!.locator('legend');

  await expect.poll(() => filterOf(firstQuestion)).toMatch(/^blur\(/);
  await expect.poll(() => filterOf(secondQuestion)).toMatch(/^blur\(/);
  // Blurred for the eye only: still there, by name, for assistive technology.
  await expect(
    page.getByRole('group', { name: /^Little interest or pleasure in doing things/ }),
  ).toBeVisible();
  await expect(first!.getByRole('radio').first()).toHaveAccessibleName('Not at all');

  // Keyboard focus on one of its answers reveals the question; the others stay soft.
  await first!.getByRole('radio').first().focus();
  await expect.poll(() => filterOf(firstQuestion)).toBe('none');
  await expect.poll(() => filterOf(secondQuestion)).toMatch(/^blur\(/);
  // So does pointing at it.
  await second!.hover();
  await expect.poll(() => filterOf(secondQuestion)).toBe('none');

  // The blur lifts gently, except when less motion is asked for.
  const transition = () =>
    firstQuestion.evaluate((element) => parseFloat(getComputedStyle(element).transitionDuration));
  expect(await transition()).toBe(0.16);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await transition()).toBeLessThan(0.001);
});
