import { expect, test, type Page } from '@playwright/test';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi } from '../helpers/host-api';
import { describeViolations, seriousViolations } from '../helpers/axe';
import { answerOnboarding } from '../helpers/onboarding-steps';

/**
 * Issue 4: a new user onboards and gets an order that follows their answers, does an exercise,
 * leaves, comes back to their answers, edits them, finishes the module and sees it on the map
 * and on Today. Then a self-check quiz, an audio step and an animation with reduced motion.
 */

let host: HostProcess;

function callApi(page: Page, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, host, name, data);
}

test.beforeEach(async ({ page }) => {
  host = await startHostProcess({ STILLROOM_POLICY: licensedPolicy() });
  await callApi(page, 'vault.create', { passphrase: 'course tests passphrase' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const planOrder = (page: Page) => page.locator('.plan-list .plan-name').allInnerTexts();

async function openCourse(page: Page) {
  await nav(page).getByRole('button', { name: 'Course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
}

test('onboard, get an order that follows the answers, do an exercise, come back, edit, finish', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openCourse(page);

  // First visit: onboarding, one question per screen, with a real PSS-10.
  await expect(page.getByRole('heading', { level: 2, name: 'Make the course yours' })).toBeVisible();
  await answerOnboarding(page, {
    focus: ['Sleeping badly', 'Too much to do at work'],
    minutes: 'About 20 minutes',
    support: /With a coach when I ask/,
    // "Very often" everywhere but the reversed items: a high score.
    stressCheck: [4, 4, 4, 0, 0, 4, 0, 0, 4, 4],
  });
  // The result comes first (tests/e2e/onboarding.spec.ts), then the plan.
  await expect(page.getByRole('heading', { level: 2, name: 'How the last month has been' })).toBeFocused();
  await page.getByRole('button', { name: 'See my plan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeFocused();
  await expect(page.getByText('Your stress check nudged a few modules forward.')).toBeVisible();
  const sleepy = await planOrder(page);
  expect(sleepy[0]).toMatch(/^Understanding stress/);
  expect(sleepy[1]).toMatch(/^Sleeping better/);
  expect(sleepy.some((name) => /^Workload and switching off/.test(name))).toBe(true);
  expect(sleepy.at(-1)).toMatch(/^Staying well/);
  await page.getByRole('button', { name: 'Go to my course' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'A weekly plan, if it helps' })).toBeVisible();
  const weeks = page.getByRole('region', { name: 'A weekly plan, if it helps' }).getByRole('listitem');
  await expect(weeks.first()).toContainText(/^This week Understanding stress/);
  await expect(weeks.nth(1)).toContainText(/^Next week /);

  // Different answers, a different order; the stress check skipped means no band at all.
  await page.getByRole('button', { name: 'Change my answers' }).click();
  // The saved answers are where they were left.
  await expect(page.getByRole('checkbox', { name: 'Sleeping badly' })).toBeChecked();
  await answerOnboarding(page, {
    focus: ['Worrying or going over things', 'Difficult people or conversations'],
    minutes: 'About 10 minutes',
    support: /On my own/,
    stressCheck: 'skip',
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeFocused();
  await expect(page.getByText('Your stress check nudged a few modules forward.')).toHaveCount(0);
  await expect(page.getByText(/each module follow the 5-minute route/)).toBeVisible();
  const worried = await planOrder(page);
  expect(worried).not.toEqual(sleepy);
  expect(worried.some((name) => /^Sleeping better/.test(name))).toBe(false);
  expect(worried.some((name) => /^Boundaries and assertiveness/.test(name))).toBe(true);
  // The plan can be changed straight away: move the second module up.
  const second = worried[1]?.split(' · ')[0] ?? '';
  await page.getByRole('button', { name: `Move ${second} up` }).click();
  await expect(page.getByRole('status')).toContainText(`${second} moved up.`);
  expect((await planOrder(page))[0]).toContain(second);
  await page.getByRole('button', { name: 'Go to my course' }).click();

  // An exercise: answers save as the user types.
  await page.getByTestId('module-m1').getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeFocused();
  await page.getByRole('button', { name: /^Your stress signature/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your stress signature' })).toBeFocused();
  await page.getByRole('checkbox', { name: 'Headaches' }).check();
  await page.getByLabel('In your thoughts, item 1 of up to 5').fill('I will never get this done');
  await page.getByLabel('In your thoughts, item 2 of up to 5').fill('Replaying the meeting');
  await page.getByLabel('In what you do, item 1 of up to 5').fill('Skipping lunch');
  await page.getByLabel('Which of these usually shows up first?').fill('My shoulders creep up');
  await expect(page.getByText(/^Saved at/)).toBeVisible();

  // Leave, come back: the answers are there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
  await page.getByTestId('module-m1').getByRole('button').click();
  await expect(page.getByTestId('module-status')).toContainText('In progress');
  await page.getByRole('button', { name: /^Your stress signature/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Headaches' })).toBeChecked();
  await expect(page.getByLabel('In your thoughts, item 2 of up to 5')).toHaveValue('Replaying the meeting');
  await expect(page.getByLabel('Which of these usually shows up first?')).toHaveValue(
    'My shoulders creep up',
  );

  // Edit, save clearly, and finish the step.
  await page.getByLabel('Which of these usually shows up first?').fill('I stop taking breaks');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await page.getByRole('button', { name: 'Mark this step done' }).click();
  await expect(page.getByRole('button', { name: 'Next step: Start your stress diary' })).toBeFocused();
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeFocused();

  // Back again later: still the edited answer.
  await page.getByRole('button', { name: /^Your stress signature/ }).click();
  await expect(page.getByLabel('Which of these usually shows up first?')).toHaveValue('I stop taking breaks');
  await page.getByRole('button', { name: 'Back to the module' }).click();

  // The other steps, then finish the module.
  for (const title of ['What stress is', 'Pressure and performance', 'Start your stress diary']) {
    await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    if (title === 'Start your stress diary') {
      await page.getByRole('button', { name: 'Mark this step done' }).click();
      await expect(page.getByRole('alert')).toContainText('“What happened?”');
      await page.getByLabel('What happened?').fill('The train was late before the review');
      await page.getByRole('radio', { name: /^6/ }).check();
    }
    await page.getByRole('button', { name: 'Mark this step done' }).click();
    if (title === 'Start your stress diary') break;
    await page.getByRole('button', { name: 'Back to the module' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeFocused();
  }
  // The module's last step finishes the module (issue 17 point 8: a completion moment).
  await expect(page.getByRole('heading', { level: 2, name: 'Understanding stress: done' })).toBeFocused();
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await expect(page.getByTestId('module-status')).toHaveText('Done');
  await expect(page.getByRole('button', { name: 'Do this module again' })).toBeVisible();

  // The map shows it done, and Today shows where to carry on.
  await page.getByRole('button', { name: 'Back to the course map' }).click();
  await expect(page.getByTestId('module-m1')).toContainText('Done');
  await expect(page.getByTestId('course-totals')).toContainText('1 of');
  await nav(page).getByRole('button', { name: 'Today' }).click();
  const next = page.getByRole('region', { name: 'Your next step in the course' });
  await expect(next).toBeVisible();
  await expect(next).toContainText(/minute/);
  await next.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Today');
  await expect(page.getByText(/step 1 of/)).toBeVisible();
});

test('a self-check quiz, an audio step and an animation, with reduced motion', async ({ page }) => {
  test.setTimeout(60_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await callApi(page, 'course.saveProfile', {
    focusAreas: ['worry'],
    minutesPerWeek: 30,
    baselineResultId: null,
    support: 'on-my-own',
  });
  await openCourse(page);

  // The quiz: feedback for the option chosen, no score anywhere.
  await page.getByTestId('module-m2').getByRole('button').click();
  await page.getByRole('button', { name: /^Spot the trap/ }).click();
  const firstQuestion = page.locator('fieldset.question').first();
  await firstQuestion.getByRole('radio').first().check();
  await expect(firstQuestion.locator('.feedback')).toBeVisible();
  await expect(page.getByText(/\d+ out of \d+|your score|correct answers/i)).toHaveCount(0);
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await page.getByRole('button', { name: 'Mark this step done' }).click();
  await page.getByRole('button', { name: 'Back to the module' }).click();

  // The animation: captions step by step, nothing plays by itself.
  await page.getByRole('button', { name: /^The thought–feeling cycle/ }).click();
  await expect(page.getByText('Part 1 of 8.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText('Part 2 of 8.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the module' }).click();

  // The audio step: the transcript on screen; it works without sound.
  await page.getByRole('button', { name: 'Back to the course map' }).click();
  await page.getByTestId('module-m5').getByRole('button').click();
  await page.getByRole('button', { name: /^The 3-minute breathing space/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The 3-minute breathing space' })).toBeFocused();
  const transcript = page.getByRole('list', { name: 'Transcript' }).getByRole('listitem');
  expect(await transcript.count()).toBeGreaterThanOrEqual(3);
  const voices = await page.evaluate(() => window.speechSynthesis?.getVoices().length ?? 0);
  if (voices === 0) await expect(page.getByText(/no speech voices/)).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(transcript.first()).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('.pacer')).toHaveClass(/still/);
  await expect(page.locator('.pacer-word')).toHaveText(/Breathe in|Breathe out|Rest/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(transcript.first()).not.toHaveAttribute('aria-current', 'step');
});

test('a link into the course opens the step it names; "Not now" on onboarding leads to the map', async ({
  page,
}) => {
  const [first, second] = await steps(page, 'm3');
  await callApi(page, 'course.openStep', { moduleId: 'm3', stepId: first?.id });
  await callApi(page, 'course.completeStep', { moduleId: 'm3', stepId: first?.id, secondsSpent: 60 });
  // Today links to the next step of the module the user was in: Course opens on that step.
  await page.reload();
  const carryOn = page.getByRole('region', { name: 'Continue where you left off' });
  await expect(carryOn).toContainText(`Rethinking stressful thoughts: ${second?.title}`);
  // Issue 17 point 8: a quiet line of where you are, with no streaks and nothing missed.
  await expect(carryOn.locator('.course-progress-line')).toHaveText(
    /^1 of \d+ steps done in this module · 0 of \d+ modules in your plan finished$/,
  );
  await carryOn.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: second?.title })).toBeFocused();
  await expect(page.getByText('Rethinking stressful thoughts · step 2 of')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rethinking stressful thoughts' })).toBeFocused();

  await page.getByRole('button', { name: 'Back to the course map' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Make the course yours' })).toBeVisible();
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('region', { name: 'Make the course yours' })).toBeVisible();
  await expect(page.getByTestId('module-m3')).toContainText('In progress');
  // "Not now" holds while the app runs: away and back, the map, not the questions again.
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Today' }).click();
  await sections.getByRole('button', { name: 'Course' }).click();
  await expect(page.getByTestId('module-m3')).toContainText('In progress');
  await expect(page.getByRole('button', { name: 'Not now' })).toHaveCount(0);
});

async function steps(page: Page, moduleId: string): Promise<{ id: string; title: string }[]> {
  const value = (await callApi(page, 'course.module', { moduleId })) as {
    module: { steps: { id: string; title: string }[] };
  };
  return value.module.steps;
}

/** Onboarding answered through the Api: these tests are about the steps, not the questions. */
async function skipOnboarding(page: Page) {
  await callApi(page, 'course.saveProfile', {
    focusAreas: [],
    minutesPerWeek: 30,
    baselineResultId: null,
    support: 'on-my-own',
  });
}

/** The new moments pass axe in both themes, like every screen (tests/e2e/accessibility.spec.ts). */
async function expectAxeClean(page: Page, what: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { failing } = await seriousViolations(page);
    expect(failing, `${what}, ${theme} theme:\n${describeViolations(failing)}`).toHaveLength(0);
  }
}

async function openStep(page: Page, moduleTestId: string, title: string) {
  await page.getByTestId(moduleTestId).getByRole('button').click();
  await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
}

test('issue 17 point 5: the course diary step writes a real diary entry, listed and found by search', async ({
  page,
}) => {
  await skipOnboarding(page);
  await openCourse(page);
  await openStep(page, 'module-m1', 'Start your stress diary');
  await page.getByLabel('What happened?').fill('The photocopier ate my slides before the pitch');
  await page.getByRole('radio', { name: /^6/ }).check();
  await page.getByRole('button', { name: 'Mark this step done' }).click();
  const added = page.getByTestId('diary-added');
  await expect(added).toContainText('Added to your diary.');
  await expectAxeClean(page, 'Added to your diary');

  // The link opens the entry in the Diary, marked and focused.
  await added.getByRole('link', { name: 'Open the entry in your diary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  const entry = page.getByTestId('stress-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('The photocopier ate my slides before the pitch');
  await expect(entry).toContainText('Stress 6 of 10');
  await expect(entry).toBeFocused();
  await expectAxeClean(page, 'the Diary, opened on the entry');

  // And the Diary as anyone reaches it lists it, and search finds a word from it.
  await nav(page).getByRole('button', { name: 'Today' }).click();
  await nav(page).getByRole('button', { name: 'Diary' }).click();
  await expect(page.getByTestId('stress-entry')).toContainText('The photocopier ate my slides');
  await page.getByLabel('Search stress entries and thought records').fill('photocopier');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('photocopier');
});

test('issue 17 point 8: "Next step" after a step, and at the module end a card naming the next module', async ({
  page,
}) => {
  await skipOnboarding(page);
  const overview = (await callApi(page, 'course.overview', {})) as {
    plan: string[];
    modules: { moduleId: string; title: string }[];
  };
  const nextTitle = overview.modules.find((m) => m.moduleId === overview.plan[1])?.title ?? '';
  await openCourse(page);
  await openStep(page, 'module-m1', 'What stress is');
  await page.getByRole('button', { name: 'Mark this step done' }).click();
  const next = page.getByRole('button', { name: 'Next step: Pressure and performance' });
  await expect(next).toBeFocused();
  await next.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pressure and performance' })).toBeFocused();
  await expect(page.getByText('Understanding stress · step 2 of 4')).toBeVisible();

  // The stress signature done elsewhere (another window, say); the last step, here, ends the module.
  await callApi(page, 'course.openStep', { moduleId: 'm1', stepId: 'stress-signature' });
  await callApi(page, 'course.saveAnswers', {
    moduleId: 'm1',
    stepId: 'stress-signature',
    answers: { body: ['headaches'], thoughts: ['Too much'], behaviour: ['Skip lunch'], 'first-sign': 'Jaw' },
  });
  await callApi(page, 'course.completeStep', {
    moduleId: 'm1',
    stepId: 'stress-signature',
    secondsSpent: 60,
  });
  await page.getByRole('button', { name: 'Mark this step done' }).click();
  await page.getByRole('button', { name: 'Next step: Your stress signature' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your stress signature' })).toBeFocused();
  await page.getByRole('button', { name: 'Next step: Start your stress diary' }).click();
  await page.getByLabel('What happened?').fill('A long day of meetings');
  await page.getByRole('radio', { name: /^4/ }).check();
  await page.getByRole('button', { name: 'Mark this step done' }).click();

  const card = page.getByTestId('module-complete');
  await expect(card.getByRole('heading', { level: 2, name: 'Understanding stress: done' })).toBeFocused();
  await expect(
    card.getByRole('list', { name: 'What you did in this module' }).getByRole('listitem'),
  ).toHaveCount(4);
  await expect(card).toContainText(`Next in your plan: ${nextTitle}`);
  await expectAxeClean(page, 'the module completion card');
  await card.getByRole('button', { name: `Start ${nextTitle}` }).click();
  await expect(page.getByText(`${nextTitle} · step 1 of`)).toBeVisible();
});

test('issue 17 point 8: a finished thought record from the course shows the belief before and after', async ({
  page,
}) => {
  await callApi(page, 'course.openStep', { moduleId: 'm3', stepId: 'thought-record' });
  await callApi(page, 'course.saveAnswers', {
    moduleId: 'm3',
    stepId: 'thought-record',
    answers: {
      situation: 'My idea was turned down in the standup',
      thought: 'They think I am out of my depth',
      'belief-before': 85,
      emotions: 'embarrassed',
      'feeling-before': 70,
      'evidence-for': ['Nobody spoke up for the idea'],
      'evidence-against': ['My manager asked me to write it up'],
      'balanced-thought': 'One idea was not picked, and people have valued my ideas before',
      'belief-after': 40,
      'feeling-after': 30,
    },
  });
  await callApi(page, 'course.completeStep', { moduleId: 'm3', stepId: 'thought-record', secondsSpent: 300 });
  await nav(page).getByRole('button', { name: 'Diary' }).click();
  const record = page.getByTestId('thought-record');
  await expect(record).toContainText('My idea was turned down in the standup');
  await expect(record.getByTestId('belief-change')).toHaveText(/^Belief in the thought: 85\s?% → 40\s?%$/);
  await expectAxeClean(page, 'thought records with belief before and after');
});
