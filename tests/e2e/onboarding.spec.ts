import { expect, test, type Page } from '@playwright/test';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi } from '../helpers/host-api';
import { questionHeading } from '../helpers/onboarding-steps';

/**
 * Issue 17 point 8: onboarding asks one question per screen on large choices, Back returns to
 * the answer given, the stress check's result comes gently before the plan, and the whole way
 * can be walked with the keyboard alone.
 */

let host: HostProcess;

test.beforeEach(async ({ page }) => {
  host = await startHostProcess({ STILLROOM_POLICY: licensedPolicy() });
  await callHostApi(page, host, 'vault.create', { passphrase: 'onboarding tests passphrase' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Course' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Make the course yours' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

const main = (page: Page) => page.getByRole('main');

/** Exactly one question on screen: one group of choices, and the count line saying which. */
async function expectOneQuestion(page: Page, count: string, choices: { radios: number; boxes: number }) {
  await expect(page.getByText(count, { exact: true })).toBeVisible();
  await expect(main(page).getByRole('group')).toHaveCount(1);
  await expect(main(page).getByRole('radio')).toHaveCount(choices.radios);
  await expect(main(page).getByRole('checkbox')).toHaveCount(choices.boxes);
}

test('one question per screen, Back keeps the answer, and the stress result comes before the plan', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await expectOneQuestion(page, 'Question 1 of 4', { radios: 0, boxes: 8 });
  await expect(main(page).getByRole('button', { name: /^Back to the previous question/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Sleeping badly' }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(questionHeading(page, /typical week/)).toBeFocused();
  await expectOneQuestion(page, 'Question 2 of 4', { radios: 4, boxes: 0 });
  // A click on a card chooses it and moves on by itself.
  await page.getByRole('radio', { name: 'About 20 minutes' }).click();
  await expect(questionHeading(page, 'What kind of support would you like?')).toBeFocused();
  await expectOneQuestion(page, 'Question 3 of 4', { radios: 3, boxes: 0 });

  // Back, twice: each question comes back with its answer as chosen.
  await page.getByRole('button', { name: 'Back to the previous question' }).click();
  await expect(questionHeading(page, /typical week/)).toBeFocused();
  await expect(page.getByRole('radio', { name: 'About 20 minutes' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'About 30 minutes' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Back to the previous question' }).click();
  await expect(questionHeading(page, 'What brings you here?')).toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'Sleeping badly' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Too much to do at work' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(questionHeading(page, 'What kind of support would you like?')).toBeFocused();
  // Next with nothing chosen says what is needed rather than moving on.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the kind of support you would like.');
  await page.getByRole('radio', { name: /On my own/ }).click();

  await expect(questionHeading(page, 'Would you like to take a short stress check?')).toBeFocused();
  await expectOneQuestion(page, 'Question 4 of 4', { radios: 2, boxes: 0 });
  await page.getByRole('radio', { name: 'Take it now' }).click();
  // "Very often" everywhere but the reversed items (4, 5, 7, 8): a high score, 40 of 40.
  for (let index = 0; index < 10; index += 1) {
    await expectOneQuestion(page, `Stress check · question ${index + 1} of 10`, { radios: 5, boxes: 0 });
    if (index === 1) {
      // Back inside the stress check keeps its answers too.
      await page.getByRole('button', { name: 'Back to the previous question' }).click();
      await expect(page.getByText('Stress check · question 1 of 10', { exact: true })).toBeVisible();
      await expect(page.getByRole('radio', { name: 'Very Often' })).toBeChecked();
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByText('Stress check · question 2 of 10', { exact: true })).toBeVisible();
    }
    await page
      .getByRole('radio', { name: [3, 4, 6, 7].includes(index) ? 'Never' : 'Very Often', exact: true })
      .click();
  }

  // The result first, gently, and not yet the plan.
  const result = page.getByRole('heading', { level: 2, name: 'How the last month has been' });
  await expect(result).toBeFocused();
  await expect(main(page).getByText('Your stress check: high stress')).toBeVisible();
  await expect(main(page).getByText(/not a diagnosis/)).toBeVisible();
  await expect(main(page).getByText(/You scored 40 out of 40\./)).toBeVisible();
  await expect(main(page).getByRole('button', { name: 'Need help now?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your suggested order' })).toHaveCount(0);
  await page.getByRole('button', { name: 'See my plan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeFocused();
  await expect(page.getByText('Your stress check nudged a few modules forward.')).toBeVisible();
});

/** Whether the focused element shows where it is (its own outline, or its card's). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    const shown = (e: Element) => {
      const style = getComputedStyle(e);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    };
    return (
      shown(element) || (element.closest('.choice-card') !== null && shown(element.closest('.choice-card')!))
    );
  });
}

async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i += 1) {
    await page.keyboard.press(key);
    expect(await focusVisible(page), `focus visible after ${key}`).toBe(true);
  }
}

test('the keyboard alone: arrows move, Enter and Space choose and move on, the same scores', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // From the Course heading into the first card; Space ticks, arrows move, Enter moves on.
  await press(page, 'Tab');
  await expect(page.getByRole('checkbox', { name: 'Feeling stressed or under pressure' })).toBeFocused();
  await press(page, 'ArrowDown', 3);
  await expect(page.getByRole('checkbox', { name: 'Sleeping badly' })).toBeFocused();
  await press(page, ' ');
  await press(page, 'ArrowDown');
  await press(page, ' ');
  await expect(page.getByRole('checkbox', { name: 'Too much to do at work' })).toBeChecked();
  await page.keyboard.press('Enter');

  await expect(questionHeading(page, /typical week/)).toBeFocused();
  await press(page, 'Tab');
  // An arrow moves to the next card (and marks it, as radios do) without moving on.
  await press(page, 'ArrowDown');
  await expect(page.getByRole('radio', { name: 'About 20 minutes' })).toBeChecked();
  await expect(questionHeading(page, /typical week/)).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(questionHeading(page, 'What kind of support would you like?')).toBeFocused();
  await press(page, 'Tab');
  await press(page, 'ArrowDown');
  await page.keyboard.press(' ');

  await expect(questionHeading(page, 'Would you like to take a short stress check?')).toBeFocused();
  await press(page, 'Tab');
  await expect(page.getByRole('radio', { name: 'Take it now' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Item n gets option n mod 5: 0,1,2,3,4,0,1,2,3,4. Items 4, 5, 7 and 8 are reversed, so the
  // PSS-10 total is 0+1+2+(4-3)+(4-4)+0+(4-1)+(4-2)+3+4 = 16: moderate.
  for (let index = 0; index < 10; index += 1) {
    await expect(page.getByText(`Stress check · question ${index + 1} of 10`, { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3 })).toBeFocused();
    await press(page, 'Tab');
    await press(page, 'ArrowDown', index % 5);
    await page.keyboard.press('Enter');
  }

  await expect(page.getByRole('heading', { level: 2, name: 'How the last month has been' })).toBeFocused();
  await expect(main(page).getByText('Your stress check: moderate stress')).toBeVisible();
  await expect(main(page).getByText(/You scored 16 out of 40\./)).toBeVisible();
  const seePlan = page.getByRole('button', { name: 'See my plan' });
  for (let i = 0; i < 6 && !(await seePlan.evaluate((e) => e === document.activeElement)); i += 1) {
    await press(page, 'Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeFocused();

  // What was saved is what was chosen, and the baseline is the real PSS-10 score.
  const overview = (await callHostApi(page, host, 'course.overview', {})) as {
    profile: { focusAreas: string[]; minutesPerWeek: number; support: string; baseline: { band: string } };
  };
  expect([...overview.profile.focusAreas].sort()).toEqual(['sleep', 'workload']);
  expect(overview.profile.minutesPerWeek).toBe(20);
  expect(overview.profile.support).toBe('coach-on-request');
  expect(overview.profile.baseline.band).toBe('moderate');
});

test('onboarding answers survive a section change and a reload, and are gone once the profile is saved', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const goTo = (name: string) =>
    page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
  await page.getByRole('checkbox', { name: 'Sleeping badly' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'About 20 minutes' }).click();
  await expect(questionHeading(page, 'What kind of support would you like?')).toBeFocused();

  // Away and back: the answers are offered back, and Carry on returns to the question reached.
  await goTo('Today');
  await goTo('Course');
  await expect(page.getByTestId('draft-offer')).toContainText('Carry on where you left off?');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(questionHeading(page, 'What kind of support would you like?')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the previous question' }).click();
  await expect(page.getByRole('radio', { name: 'About 20 minutes' })).toBeChecked();

  // A reload straight away keeps them too.
  await page.reload();
  await goTo('Course');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await expect(questionHeading(page, /typical week/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'About 20 minutes' })).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /On my own/ }).click();
  await page.getByRole('radio', { name: 'Skip it for now' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeVisible();

  // Saved: nothing is offered back after a reload.
  await page.reload();
  await goTo('Course');
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
});
