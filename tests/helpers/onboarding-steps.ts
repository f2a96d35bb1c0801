import { expect, type Page } from '@playwright/test';

/**
 * Issue 17 point 8: onboarding asks one question per screen. This walks it with the mouse, as a
 * person would: tick the focus areas and press Next; the time and support cards move on by
 * themselves once clicked; then take or skip the stress check (when it is offered).
 */
export interface OnboardingChoices {
  focus?: string[];
  minutes: string;
  support: RegExp;
  /** 'skip', or the option to choose on each of the stress check's items, by position (0 = Never). */
  stressCheck?: 'skip' | number[];
  /** False where the organisation has no permission for the PSS-10: the question is not asked. */
  offered?: boolean;
}

export const questionHeading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 3, name });

export async function answerOnboarding(page: Page, choices: OnboardingChoices): Promise<void> {
  await expect(questionHeading(page, 'What brings you here?')).toBeVisible();
  for (const [index, area] of (choices.focus ?? []).entries()) {
    // "Change my answers" starts from the saved ones: untick what is not wanted this time.
    if (index === 0) {
      for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
    }
    await page.getByRole('checkbox', { name: area }).check();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(questionHeading(page, /typical week/)).toBeFocused();
  await page.getByRole('radio', { name: choices.minutes }).click();
  await expect(questionHeading(page, 'What kind of support would you like?')).toBeFocused();
  await page.getByRole('radio', { name: choices.support }).click();
  if (choices.offered === false) return;
  await expect(questionHeading(page, 'Would you like to take a short stress check?')).toBeFocused();
  const check = choices.stressCheck ?? 'skip';
  if (check === 'skip') {
    await page.getByRole('radio', { name: 'Skip it for now' }).click();
    return;
  }
  await page.getByRole('radio', { name: 'Take it now' }).click();
  for (const [index, option] of check.entries()) {
    await expect(page.getByText(`Stress check · question ${index + 1} of ${check.length}`)).toBeVisible();
    await page.getByRole('main').getByRole('radio').nth(option).click();
  }
}
