import { expect, test, type Page } from '@playwright/test';
import { describeViolations, seriousViolations } from '../helpers/axe';
import { callHostApi } from '../helpers/host-api';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/** Issue 17 point 4: nothing typed is lost. Half-typed forms are kept, encrypted, in the vault. */

let host: HostProcess;

test.beforeEach(async ({ page }) => {
  host = await startHostProcess();
  await callHostApi(page, host, 'vault.create', { passphrase: 'drafts tests passphrase' });
  await page.goto(host.url);
});

test.afterEach(async () => {
  await host.stop();
});

function goTo(page: Page, section: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
}

const offer = (page: Page) => page.getByTestId('draft-offer');

test('a half-typed diary entry survives a section change and a reload, and is gone once saved', async ({
  page,
}) => {
  await goTo(page, 'Diary');
  const what = page.getByLabel('What happened?', { exact: true });
  await what.fill('The stand-up ran over and the deadline mo');
  await page.getByLabel(/How stressed did you feel/).fill('8');
  // Straight to another section, without waiting for the pause that saves as you type.
  await goTo(page, 'Today');
  await goTo(page, 'Diary');
  await expect(offer(page)).toContainText('Carry on where you left off?');
  await expect(what).toHaveCount(0);
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(what).toHaveValue('The stand-up ran over and the deadline mo');
  await expect(what).toBeFocused();
  await expect(page.getByRole('main').locator('output')).toHaveText('8');

  // More typing, then a reload straight away.
  await what.fill('The stand-up ran over and the deadline moved again');
  await page.reload();
  await goTo(page, 'Diary');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(what).toHaveValue('The stand-up ran over and the deadline moved again');

  // Saved: the draft is gone, so coming back offers nothing and the form is empty.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved in your diary.')).toBeVisible();
  await goTo(page, 'Today');
  await goTo(page, 'Diary');
  await expect(what).toHaveValue('');
  await expect(offer(page)).toHaveCount(0);
  await page.reload();
  await goTo(page, 'Diary');
  await expect(what).toHaveValue('');
  await expect(offer(page)).toHaveCount(0);
});

test('"Start afresh" forgets the draft', async ({ page }) => {
  await goTo(page, 'Diary');
  const what = page.getByLabel('What happened?', { exact: true });
  await what.fill('Something I would rather not keep');
  await goTo(page, 'Today');
  await goTo(page, 'Diary');
  await page.getByRole('button', { name: 'Start afresh' }).click();
  await expect(what).toHaveValue('');
  await expect(what).toBeFocused();
  await page.reload();
  await goTo(page, 'Diary');
  await expect(what).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
});

test('a half-answered check-in survives a section change', async ({ page }) => {
  await goTo(page, 'Check-ins');
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Low mood check PHQ-9' })).toBeVisible();
  const questions = page.locator('fieldset.question');
  await questions.nth(0).getByRole('radio').nth(2).check();
  await questions.nth(1).getByRole('radio').nth(1).check();
  await expect(page.getByText('2 of 9 answered')).toBeVisible();

  await goTo(page, 'Diary');
  await goTo(page, 'Check-ins');
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  await expect(offer(page)).toContainText('Carry on where you left off?');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(page.getByText('2 of 9 answered')).toBeVisible();
  await expect(questions.nth(0).getByRole('radio').nth(2)).toBeChecked();
  await expect(questions.nth(1).getByRole('radio').nth(1)).toBeChecked();
});

test('the note to a coach survives a reload', async ({ page }) => {
  await goTo(page, 'Share with a coach');
  const note = page.getByLabel('A note for your coach (optional)');
  await note.fill('Hi Sam, the last two weeks were hard because');
  await page.reload();
  await goTo(page, 'Share with a coach');
  await expect(offer(page)).toContainText('Carry on where you left off?');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(note).toHaveValue('Hi Sam, the last two weeks were hard because');
  await expect(note).toBeFocused();
  // Back from another section in the same window the note is still there, with nothing to offer.
  await goTo(page, 'Diary');
  await goTo(page, 'Share with a coach');
  await expect(note).toHaveValue('Hi Sam, the last two weeks were hard because');
  await expect(offer(page)).toHaveCount(0);
});

test('an exercise answer typed just before a reload is kept', async ({ page }) => {
  await callHostApi(page, host, 'course.saveProfile', {
    focusAreas: ['stress'],
    minutesPerWeek: 20,
    baselineResultId: null,
    support: 'on-my-own',
  });
  const openStep = async () => {
    await goTo(page, 'Course');
    await page.getByTestId('module-m1').getByRole('button').click();
    await page.getByRole('button', { name: /^Your stress signature/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your stress signature' })).toBeFocused();
  };
  await openStep();
  const first = page.getByLabel('Which of these usually shows up first?');
  await first.fill('My shoulders creep up');
  // Straight away, before the pause after which answers save themselves.
  await page.reload();
  await openStep();
  await expect(first).toHaveValue('My shoulders creep up');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the offer, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await callHostApi(page, host, 'drafts.save', { key: 'diary.quick', fields: { what: 'Half a thought' } });
    await goTo(page, 'Diary');
    await expect(offer(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { failing } = await seriousViolations(page);
    expect(failing, describeViolations(failing)).toEqual([]);
  });
}

test('Lock clicked straight after typing keeps the draft, and the lock shows no error for it', async ({
  page,
}) => {
  await goTo(page, 'Diary');
  await page.getByLabel('What happened?', { exact: true }).fill('Typed just before locking');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Passphrase', { exact: true }).fill('drafts tests passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await goTo(page, 'Diary');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(page.getByLabel('What happened?', { exact: true })).toHaveValue('Typed just before locking');
});
