import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { describeViolations, runAxe, seriousViolations } from '../helpers/axe';
import { licensedPolicy, startHostProcess, type HostProcess } from '../helpers/host-process';
import { visitReminderViews } from '../helpers/reminder-views';
import { visitRoomViews } from '../helpers/room-views';
import { callHostApi } from '../helpers/host-api';
import { SECTIONS as APP_SECTIONS } from '../../src-renderer/src/app/sections';

/**
 * Issue 11: every screen passes axe in both themes, the main journeys work with the keyboard
 * alone and always show where focus is, text doubles in size without losing anything, and a
 * request for reduced motion is honoured.
 */

const PASSPHRASE = 'quiet harbour lantern';
/** The sidebar's sections, in order, as the app names them. */
const SECTIONS = APP_SECTIONS.map((section) => section.label);
const DIARY_ENTRIES = [
  {
    stress: 7,
    what: 'Deadline moved up at short notice',
    body: 'Tight shoulders',
    thoughts: 'I will never finish',
  },
  { stress: 4, what: 'Long meeting that ran over', actions: 'Took a short walk afterwards' },
  {
    stress: 6,
    // A pasted address is one long word: it must wrap, not run off the screen.
    what: 'The planning sheet at https://intranet.example.org/projects/quarterly-planning/2026/deadlines-and-owners changed again',
  },
];

type Visit = (screen: string) => Promise<void>;

function callApi(page: Page, host: HostProcess, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, host, name, data);
}

/** A host whose vault is already set up through the Api, so the app opens unlocked. */
async function startUnlockedHost(page: Page): Promise<HostProcess> {
  // With the PSS-10's permission, so onboarding's optional stress check is there to check too.
  const host = await startHostProcess({ STILLROOM_POLICY: licensedPolicy() });
  await callApi(page, host, 'vault.create', { passphrase: PASSPHRASE });
  return host;
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * Walks a user through every screen Stillroom has, calling `visit` on each: first-run setup (also
 * with an error), the recovery code, Today and every section (the diary with entries and its
 * optional part open, Settings with every part open), Need help now?, the lock screen after a
 * wrong passphrase, the recovery form, and the screen shown when the data cannot be opened.
 */
async function visitEveryScreen(page: Page, visit: Visit) {
  const policy = licensedPolicy();
  let host = await startHostProcess({ STILLROOM_POLICY: policy });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible();
    await visit('first-run setup');
    await page.getByRole('button', { name: 'Need help now?' }).click();
    await expect(page.getByTestId('help-panel')).toBeVisible();
    await visit('first-run setup, Need help now? open');
    await page.getByRole('button', { name: 'Hide help lines' }).click();
    await page.getByRole('button', { name: 'Set up Stillroom' }).click();
    await expect(page.getByRole('alert')).toContainText('at least 8 characters');
    await visit('first-run setup, with an error');

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type it again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Set up Stillroom' }).click();
    await expect(page.getByTestId('recovery-code')).toBeVisible();
    await visit('recovery-code panel');
    await page.getByLabel('I have kept my recovery code somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await visit('Today');
    await visitRoomViews(page, visit);

    for (const entry of DIARY_ENTRIES) {
      await callApi(page, host, 'diary.save', { occurredAt: new Date().toISOString(), ...entry });
    }
    for (const name of SECTIONS.slice(1)) {
      await openSection(page, name);
      if (name === 'Diary') {
        await expect(page.getByText(`${DIARY_ENTRIES.length} entries in this week.`)).toBeVisible();
        await page.getByText('Add more (optional)').click();
        await expect(page.getByLabel('What did you notice in your body?')).toBeVisible();
        await visitDiaryViews(page, visit);
      }
      if (name === 'Check-ins') await visitCheckinViews(page, visit);
      if (name === 'Course') await visitCourseViews(page, visit);
      if (name === 'Library') await visitLibraryViews(page, visit);
      if (name === 'Share with a coach') await visitShareViews(page, visit);
      if (name === 'Reminders') await visitReminderViews(page, visit);
      if (name === 'Settings') {
        const closed = page.locator('main details:not([open]) > summary');
        expect(await closed.count()).toBeGreaterThan(0);
        while ((await closed.count()) > 0) await closed.first().click();
        await expect(page.getByTestId('app-version')).toBeVisible();
      }
      await visit(name);
    }
    await openSection(page, 'Need help now?');
    await expect(page.getByRole('list', { name: 'Places to get help' })).toBeVisible();
    await visit('Need help now?');

    await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('does not match');
    await visit('lock screen, after a wrong passphrase');

    await page.getByRole('button', { name: /Use your recovery code/ }).click();
    await expect(page.getByRole('heading', { name: 'Use your recovery code' })).toBeVisible();
    await visit('recovery form');

    // A damaged key file: Stillroom must explain, keep everything, and offer a way back.
    await host.stop();
    writeFileSync(join(host.dataDir, 'keyring.json'), '{');
    host = await startHostProcess({ STILLROOM_DATA_DIR: host.dataDir, STILLROOM_POLICY: policy });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Stillroom cannot open your data' })).toBeVisible();
    await visit('vault problem');
  } finally {
    await host.stop();
  }
}

/** The library: search results, a topic shelf open, and an article. Ends on the library's front. */
async function visitLibraryViews(page: Page, visit: Visit) {
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('sleep');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('mark').first()).toBeVisible();
  await page.locator('main details.shelf > summary').first().click();
  await visit('Library: search results and a topic');
  await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Where this comes from' })).toBeVisible();
  await page.getByRole('button', { name: 'Bookmark' }).click();
  await expect(page.getByRole('button', { name: 'Bookmarked' })).toBeVisible();
  await visit('Library: an article');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('list', { name: 'Bookmarks' })).toBeVisible();
}

/**
 * Sharing with a coach: the choices, the preview with the export form, the export done and in the
 * history, and the coach view (the open form with an error, and an opened report). Ends back on
 * the share screen.
 */
async function visitShareViews(page: Page, visit: Visit) {
  await page
    .getByRole('group', { name: /Stress diary entries/ })
    .getByRole('checkbox')
    .first()
    .check();
  await page
    .getByRole('group', { name: /Trends over time/ })
    .getByRole('checkbox')
    .first()
    .check();
  await page.getByLabel('A note for your coach (optional)').fill('Mondays are the hardest.');
  await visit('Share: choosing');
  await page.getByRole('button', { name: 'Preview what your coach will see' }).click();
  await expect(page.getByTestId('share-report')).toBeVisible();
  await visit('Share: preview and export');
  await page.getByLabel('Who is this for?').fill('Sam');
  const passphrase = await page.getByLabel('Password for the file', { exact: true }).inputValue();
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Save encrypted file…' }).click();
  const download = await downloading;
  await expect(page.getByTestId('saved-file')).toBeVisible();
  await visit('Share: exported');
  const path = `${await download.path()}`;
  await page.getByRole('button', { name: 'Back to my choices' }).click();
  await page.getByRole('button', { name: 'Open a shared file' }).click();
  await visit('Share: coach view, choose a file');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(path);
  await page.getByLabel('The password you were given', { exact: true }).fill('not-the-passphrase');
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await visit('Share: coach view, wrong passphrase');
  await page.getByLabel('The password you were given', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByRole('heading', { name: 'Shared report (read only)' })).toBeVisible({
    timeout: 30_000,
  });
  await visit('Share: coach view, report');
  await page.getByRole('button', { name: 'Back to sharing' }).click();
  await expect(page.getByRole('heading', { name: 'What you have shared' })).toBeVisible();
}

/**
 * The check-in views: a questionnaire being answered, the safety screen that PHQ-9 question 9
 * opens, the results and the history table. Ends back on the check-ins overview.
 */
async function visitCheckinViews(page: Page, visit: Visit) {
  await page.getByText('More check-ins').click();
  await page.getByRole('button', { name: 'Start the low mood check' }).click();
  const questions = page.locator('fieldset.question');
  await expect(questions.first()).toBeVisible();
  for (let index = 0; index < 9; index += 1) {
    await questions
      .nth(index)
      .getByRole('radio')
      .nth(index === 8 ? 1 : 0)
      .check();
  }
  await visit('Check-ins: PHQ-9 questionnaire');
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByTestId('safety-screen')).toBeVisible();
  await visit('Check-ins: safety screen');
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your low mood check results PHQ-9' }),
  ).toBeVisible();
  await visit('Check-ins: results');
  await page.getByRole('button', { name: 'See how it changes over time' }).click();
  await expect(page.getByTestId('history-table')).toBeVisible();
  await visit('Check-ins: history');
  await page.getByRole('button', { name: 'Back to check-ins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeVisible();
}

/**
 * The diary's other views: search results with highlighted matches, an entry being edited, the
 * Undo offered after deleting, and a thought record's steps (its original thought kept in view,
 * and the list of what is missing when finishing too early). Ends back on the diary overview.
 */
async function visitDiaryViews(page: Page, visit: Visit) {
  await page.getByLabel('Search stress entries and thought records').fill('deadline');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(results.first().locator('mark').first()).toBeVisible();
  await visit('Diary, search results');
  await page.getByLabel('Search stress entries and thought records').fill('');

  await page.getByTestId('stress-entry').first().getByRole('button', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { name: 'Edit this entry' })).toBeFocused();
  await visit('Diary, editing an entry');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page
    .getByTestId('stress-entry')
    .first()
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await visit('Diary, undo after deleting');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Entry put back.')).toBeVisible();

  await page.getByRole('button', { name: 'Start a thought record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thought record' })).toBeFocused();
  await visit('Thought record, first step');
  await page.getByLabel(/Where were you/).fill('Presenting the figures');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Thought 1', { exact: true }).fill('Everyone thinks I am incompetent');
  await page.getByLabel('How much you believed thought 1 (0 to 100%)').fill('80');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feelings' })).toBeFocused();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await visit('Thought record, thinking traps');
  for (const title of ['Evidence for the thought', 'Evidence against the thought', 'A balanced thought']) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused();
  }
  await expect(page.getByRole('complementary', { name: 'Your original thought' })).toBeVisible();
  await visit('Thought record, with the original thought');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('alert')).toContainText('A few things are still needed');
  await visit('Thought record, finishing too early');
  await page.getByRole('button', { name: 'Save draft and close' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeFocused();
  await expect(page.getByTestId('thought-record').getByText('draft', { exact: true })).toBeVisible();
}

/**
 * The course views: onboarding, the suggested order, the module map, a module page, and a step of
 * each kind (an exercise with answers, a self-check with feedback, audio playing with its
 * transcript, an animation). Ends back on the course map.
 */
async function visitCourseViews(page: Page, visit: Visit) {
  await expect(page.getByRole('heading', { level: 2, name: 'Make the course yours' })).toBeVisible();
  await visit('Course: onboarding, first question');
  await page.getByRole('checkbox', { name: 'Sleeping badly' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'About 20 minutes' }).click();
  await page.getByRole('radio', { name: /On my own/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: /short stress check/ })).toBeFocused();
  await visit('Course: onboarding, the stress check offered');
  await page.getByRole('radio', { name: 'Take it now' }).click();
  for (let index = 0; index < 10; index += 1) {
    await expect(page.getByText(`Stress check · question ${index + 1} of 10`)).toBeVisible();
    // A long item on its own screen, with its answer chosen and Back and Next shown.
    if (index === 9) await visit('Course: onboarding, a stress check question');
    await page.getByRole('main').getByRole('radio').nth(2).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'How the last month has been' })).toBeFocused();
  await visit('Course: onboarding, the stress result');
  await page.getByRole('button', { name: 'See my plan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your suggested order' })).toBeVisible();
  await visit('Course: suggested order');
  await page.getByRole('button', { name: 'Go to my course' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your progress' })).toBeVisible();
  await page.getByTestId('module-m1').getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding stress' })).toBeVisible();
  await visit('Course: module page');
  await page.getByRole('button', { name: /^Your stress signature/ }).click();
  await page.getByRole('checkbox', { name: 'Headaches' }).check();
  await page.getByLabel('Which of these usually shows up first?').fill('My shoulders creep up');
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await visit('Course: exercise step');
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await page.getByRole('button', { name: /^Pressure and performance/ }).click();
  await expect(page.getByText(/^Part 1 of/)).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await visit('Course: animation step');
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await page.getByRole('button', { name: 'Back to the course map' }).click();
  await page.getByTestId('module-m2').getByRole('button').click();
  await page.getByRole('button', { name: /^Spot the trap/ }).click();
  await page.locator('fieldset.question').first().getByRole('radio').first().check();
  await expect(page.locator('.feedback').first()).toBeVisible();
  await visit('Course: self-check quiz');
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await page.getByRole('button', { name: 'Back to the course map' }).click();
  await page.getByTestId('module-m5').getByRole('button').click();
  await page.getByRole('button', { name: /^The 3-minute breathing space/ }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.transcript li[aria-current="step"]')).toBeVisible();
  await visit('Course: audio step, playing');
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Back to the module' }).click();
  await page.getByRole('button', { name: 'Back to the course map' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your progress' })).toBeVisible();
}

/** Fails once, at the end, listing every screen's problems rather than only the first. */
function expectNoProblems(problems: Map<string, string>, what: string) {
  const report = [...problems].map(([screen, text]) => `${screen}:\n${text}`).join('\n\n');
  expect(problems.size, `${what}\n\n${report}`).toBe(0);
}

test.describe('axe finds nothing serious', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`on every screen in the ${theme} theme`, async ({ page }) => {
      // The walk includes an export and two openings at the real scrypt work factor.
      test.setTimeout(150_000);
      // The theme is left at "Match my computer", so the computer's preference chooses it.
      await page.emulateMedia({ colorScheme: theme });
      const failures = new Map<string, string>();
      const minor: string[] = [];
      await visitEveryScreen(page, async (screen) => {
        await expect(page.locator('html'), `theme on ${screen}`).toHaveAttribute('data-theme', theme);
        const { failing, minor: rest } = await seriousViolations(page);
        if (failing.length > 0) failures.set(screen, describeViolations(failing));
        if (rest.length > 0) minor.push(`${screen}:\n${describeViolations(rest)}`);
      });
      // Moderate and minor findings are worth reading but do not fail the build.
      if (minor.length > 0) console.log(`axe, ${theme} theme, not failing:\n${minor.join('\n')}`);
      expectNoProblems(failures, `axe found serious or critical problems in the ${theme} theme:`);
    });
  }

  test('the check itself can fail: it sees a nameless button and faint text', async ({ page }) => {
    const host = await startUnlockedHost(page);
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
      await page.evaluate(() => {
        const main = document.querySelector('main');
        const button = document.createElement('button');
        const faint = document.createElement('p');
        faint.textContent = 'Barely there';
        faint.style.color = '#d8d8d8';
        main?.append(button, faint);
      });
      const { failing } = await seriousViolations(page);
      expect(failing.map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast']);
      expect(describeViolations(failing)).toMatch(/\[critical\] button-name: .+\n {4}at #main > button/);
      // The page's strict policy is untouched: axe was evaluated through DevTools, not a <script>.
      const csp = (await page.request.get(host.url)).headers()['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      await expect(page.locator('script:not([src])')).toHaveCount(0);
      expect(await runAxe(page)).toHaveLength(2);
    } finally {
      await host.stop();
    }
  });
});

/** What has focus, in words, and whether it is drawn with a visible outline. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { on: 'the page', visible: true, body: true };
    const style = getComputedStyle(element);
    const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
    const type = element.getAttribute('type');
    return {
      on: `<${element.tagName.toLowerCase()}${type ? ` type=${type}` : ''}> "${name}"`,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      body: false,
    };
  });
}

/** Presses a key like a keyboard user, and checks that wherever focus lands, it can be seen. */
async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i += 1) {
    await page.keyboard.press(key);
    const focus = await focusState(page);
    expect(focus.visible, `after ${key}, focus on ${focus.on} has no visible outline`).toBe(true);
  }
}

async function expectFocused(page: Page, target: Locator) {
  await expect(target).toBeFocused();
  const focus = await focusState(page);
  expect(focus.visible, `focus on ${focus.on} has no visible outline`).toBe(true);
}

/** Tabs forward once per expected stop, checking each one in turn. */
async function tabThrough(page: Page, stops: Locator[]) {
  for (const stop of stops) {
    await press(page, 'Tab');
    await expectFocused(page, stop);
  }
}

/** Presses Tab until `target` has focus (native controls such as date fields have several stops). */
async function tabUntil(page: Page, target: Locator, most = 12) {
  for (let i = 0; i < most; i += 1) {
    await press(page, 'Tab');
    if (await target.evaluate((element) => element === document.activeElement)) break;
  }
  await expectFocused(page, target);
}

test.describe('with the keyboard alone', () => {
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
  const navButton = (page: Page, name: string) => nav(page).getByRole('button', { name, exact: true });
  /** The order Tab visits the frame in, from the top of the page. */
  const frameStops = (page: Page) => [
    page.getByRole('link', { name: 'Skip to content' }),
    ...SECTIONS.map((name) => navButton(page, name)),
    navButton(page, 'Lock'),
    navButton(page, 'Hide screen'),
    navButton(page, 'Need help now?'),
  ];

  test('first-run setup, through the recovery code, to Today', async ({ page }) => {
    const host = await startHostProcess();
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: 'Welcome to Stillroom' })).toBeVisible();
      const passphrase = page.getByLabel('Passphrase', { exact: true });
      await expectFocused(page, passphrase);
      await page.keyboard.type(PASSPHRASE);
      await tabThrough(page, [
        page.getByRole('button', { name: 'Show passphrase' }),
        page.getByLabel('Type it again'),
      ]);
      await page.keyboard.type(PASSPHRASE);
      await tabThrough(page, [
        page.getByRole('button', { name: 'Show type it again' }),
        page.getByRole('button', { name: 'Set up Stillroom' }),
      ]);
      await press(page, 'Enter');

      // The code replaces the form: focus moves to it, so nobody is left on a vanished button.
      await expect(page.getByTestId('recovery-code')).toBeVisible();
      await expectFocused(page, page.getByRole('heading', { name: 'Your recovery code' }));
      const kept = page.getByLabel('I have kept my recovery code somewhere safe');
      await tabThrough(page, [
        page.getByRole('button', { name: 'Copy' }),
        page.getByRole('button', { name: 'Print' }),
        page.getByRole('button', { name: 'Save to a file…' }),
        kept,
      ]);
      await press(page, 'Space');
      await expect(kept).toBeChecked();
      const next = page.getByRole('button', { name: 'Continue' });
      await tabThrough(page, [next]);
      await press(page, 'Enter');

      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
      await tabThrough(page, frameStops(page).slice(0, 2));
      await expect(navButton(page, 'Today')).toHaveAttribute('aria-current', 'page');
    } finally {
      await host.stop();
    }
  });

  test.describe('in an unlocked Stillroom', () => {
    let host: HostProcess;
    test.beforeEach(async ({ page }) => {
      host = await startUnlockedHost(page);
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    });
    test.afterEach(async () => {
      await host.stop();
    });

    test('saving a diary entry', async ({ page }) => {
      await tabThrough(page, frameStops(page).slice(0, 2));
      await press(page, 'ArrowDown', 2);
      await expectFocused(page, navButton(page, 'Diary'));
      await press(page, 'Enter');
      await expectFocused(page, page.getByRole('heading', { level: 1, name: 'Diary' }));

      await tabThrough(page, [page.getByLabel('What happened?')]);
      await page.keyboard.type('Deadline moved up at short notice');
      const stress = page.getByLabel(/How stressed did you feel/);
      await tabThrough(page, [stress]);
      await press(page, 'ArrowRight', 2);
      await expect(stress).toHaveValue('7');
      await tabThrough(page, [page.getByLabel('When?')]);
      const more = page.getByText('Add more (optional)');
      await tabUntil(page, more);
      await press(page, 'Enter');
      const body = page.getByLabel('What did you notice in your body?');
      await tabThrough(page, [body]);
      await page.keyboard.type('Tight shoulders');
      const save = page.getByRole('button', { name: 'Save', exact: true });
      await tabThrough(page, [
        page.getByLabel('What went through your mind?'),
        page.getByLabel('What did you do?'),
        save,
      ]);
      await press(page, 'Enter');

      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved in your diary.');
      // Focus stays on Save (not lost to the page), and the entry is listed.
      await expectFocused(page, save);
      const entry = page.locator('.entry-list li').first();
      await expect(entry).toContainText('Deadline moved up at short notice');
      await expect(entry).toContainText('Stress 7 of 10');
      await expect(entry).toContainText('Body: Tight shoulders');
      await expect(page.getByLabel('What happened?')).toHaveValue('');
    });

    test('locking and unlocking', async ({ page }) => {
      const stops = frameStops(page);
      await tabThrough(page, stops.slice(0, SECTIONS.length + 2));
      await expectFocused(page, navButton(page, 'Lock'));
      await press(page, 'Enter');

      await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
      const passphrase = page.getByLabel('Passphrase', { exact: true });
      await expectFocused(page, passphrase);
      await page.keyboard.type('not my passphrase');
      await press(page, 'Enter');
      await expect(page.getByRole('alert')).toContainText('does not match');
      // Still in the field, with what was typed, ready to try again.
      await expectFocused(page, passphrase);
      await press(page, 'ControlOrMeta+A');
      await page.keyboard.type(PASSPHRASE);
      await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeEnabled();
      await press(page, 'Enter');

      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
      await tabThrough(page, stops.slice(0, 2));
    });

    test('changing the theme in Settings', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await tabThrough(page, frameStops(page).slice(0, 2));
      // Up from the first section wraps round to the last, then on up to Settings.
      await press(page, 'ArrowUp', SECTIONS.length - SECTIONS.indexOf('Settings'));
      await expectFocused(page, navButton(page, 'Settings'));
      await press(page, 'Enter');
      await expectFocused(page, page.getByRole('heading', { level: 1, name: 'Settings' }));

      const system = page.getByRole('radio', { name: 'Match my computer' });
      await expect(system).toBeChecked();
      await tabThrough(page, [system]);
      await press(page, 'ArrowDown', 2);
      const dark = page.getByRole('radio', { name: 'Dark' });
      await expectFocused(page, dark);
      await expect(dark).toBeChecked();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await press(page, 'ArrowUp');
      await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await press(page, 'ArrowDown');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

      // Kept: the lock screen (before any personal data) is dark too.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
      await tabThrough(page, frameStops(page).slice(0, SECTIONS.length + 2));
      await expectFocused(page, navButton(page, 'Lock'));
      await press(page, 'Enter');
      await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    });

    test('reaching Need help now?, from the top of the page and from any screen', async ({ page }) => {
      const help = navButton(page, 'Need help now?');
      await tabThrough(page, frameStops(page));
      await press(page, 'Enter');
      await expectFocused(page, page.getByRole('heading', { level: 1, name: 'Need help now?' }));
      await expect(help).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('list', { name: 'Places to get help' })).toBeVisible();

      // From any screen's heading it is one Shift+Tab away.
      await press(page, 'Alt+3');
      await expectFocused(page, page.getByRole('heading', { level: 1, name: 'Diary' }));
      await press(page, 'Shift+Tab');
      await expectFocused(page, help);
      await press(page, 'Enter');
      await expectFocused(page, page.getByRole('heading', { level: 1, name: 'Need help now?' }));
    });
  });
});

/**
 * Runs in the page: what a person would lose at this size. Text that runs off the page, text cut
 * off by a box that hides or scrolls its overflow sideways, text drawn over other text or over a
 * field, and a page that has to be scrolled sideways.
 */
function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  const pageWidth = root.clientWidth;
  const describe = (element: Element) => {
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const id = element.id ? `#${element.id}` : '';
    const classes = Array.from(element.classList)
      .map((name) => `.${name}`)
      .join('');
    return `<${element.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
  };
  /** Hidden on purpose: not shown, or shown only to screen readers (clipped to nothing). */
  const hiddenOnPurpose = (element: Element) => {
    if (element.closest('details:not([open]) > :not(summary)')) return true;
    for (let at: Element | null = element; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
      if (style.clip.startsWith('rect') || style.clipPath !== 'none') return true;
    }
    return false;
  };
  const overlaps = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

  if (root.scrollWidth > pageWidth + 1) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth}px of content in a ${pageWidth}px window`);
  }

  // Every line of visible text, and every field (whose own text scrolls inside it by design).
  const items: { rect: DOMRect; owner: Element; node: Node }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (!owner || !node.textContent?.trim() || owner.closest('script, style, select, textarea')) continue;
    if (hiddenOnPurpose(owner)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.width > 0 && rect.height > 0) items.push({ rect, owner, node });
    }
  }
  for (const field of Array.from(document.querySelectorAll('input, select, textarea'))) {
    if (hiddenOnPurpose(field)) continue;
    const rect = field.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) items.push({ rect, owner: field, node: field });
  }

  for (const { rect, owner, node } of items) {
    // Cut off by a box that hides its overflow, or that needs scrolling sideways to read it.
    let cutOff = false;
    for (let box = owner; node !== owner && box !== document.body && box !== document.documentElement;) {
      const style = getComputedStyle(box);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        const outer = box.getBoundingClientRect();
        const inner = {
          left: outer.left + box.clientLeft,
          top: outer.top + box.clientTop,
          right: outer.left + box.clientLeft + box.clientWidth,
          bottom: outer.top + box.clientTop + box.clientHeight,
        };
        const sideways = rect.left < inner.left - 1 || rect.right > inner.right + 1;
        const hidesVertically = ['hidden', 'clip'].includes(style.overflowY);
        const downwards = hidesVertically && (rect.top < inner.top - 1 || rect.bottom > inner.bottom + 1);
        if (sideways || downwards) {
          problems.push(`${describe(owner)} is cut off by ${describe(box)} (overflow ${style.overflow})`);
          cutOff = true;
          break;
        }
      }
      if (!box.parentElement) break;
      box = box.parentElement;
    }
    const left = rect.left + window.scrollX;
    if (!cutOff && (left < -1 || left + rect.width > pageWidth + 1)) {
      problems.push(`${describe(owner)} runs off the side of the page`);
      continue;
    }
    // Sticking out of the bordered box (card, entry, button) it sits in.
    for (
      let box = node === owner ? owner.parentElement : owner;
      box && box !== document.body;
      box = box.parentElement
    ) {
      const style = getComputedStyle(box);
      const bordered = style.borderLeftStyle !== 'none' && style.borderRightStyle !== 'none';
      if (!bordered || parseFloat(style.borderLeftWidth) === 0 || parseFloat(style.borderRightWidth) === 0)
        continue;
      // Its content box: reaching into the padding is already out of place.
      const outer = box.getBoundingClientRect();
      const inside = {
        left: outer.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
        right: outer.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
      };
      // A space that ends a wrapped line may hang past the edge (white-space: pre-wrap): allow it.
      const slack = node === owner ? 1 : parseFloat(getComputedStyle(owner).fontSize) / 2;
      if (rect.left < inside.left - slack || rect.right > inside.right + slack) {
        problems.push(`${describe(owner)} sticks out of ${describe(box)}`);
      }
      break;
    }
  }

  // Boxes that hide or scroll their own text sideways, whether or not a line was caught above.
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (element.matches('input, select, textarea, option') || hiddenOnPurpose(element)) continue;
    if (!element.textContent?.trim()) continue;
    const style = getComputedStyle(element);
    const clipsSideways = style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1;
    const clipsDown =
      ['hidden', 'clip'].includes(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
    if (clipsSideways || clipsDown) {
      problems.push(
        `${describe(element)} has more than it shows (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}, overflow ${style.overflow})`,
      );
    }
  }

  // Text drawn over other text or over a field.
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.node === b.node || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
      if (overlaps(a.rect, b.rect)) problems.push(`${describe(a.owner)} overlaps ${describe(b.owner)}`);
    }
  }
  return [...new Set(problems)];
}

/** The ways a person makes text twice as big. */
const LARGE_TEXT = [
  {
    name: 'text alone at 200% (root font size), 1280×800',
    viewport: { width: 1280, height: 800 },
    rootFontSize: '200%',
  },
  // Browser zoom at 200% lays out a 1280×800 window as 640×400 CSS pixels.
  { name: 'browser zoom at 200% of a 1280×800 window', viewport: { width: 640, height: 400 } },
  // WCAG 1.4.10 (reflow): 400% zoom of a 1280-pixel-wide window, 320 CSS pixels wide.
  { name: 'browser zoom at 400% (320 CSS pixels wide)', viewport: { width: 320, height: 256 } },
] as const;

test.describe('text twice the size loses nothing', () => {
  for (const view of LARGE_TEXT) {
    test(`with ${view.name}`, async ({ page }) => {
      // The walk includes an export and two openings at the real scrypt work factor.
      test.setTimeout(150_000);
      await page.setViewportSize(view.viewport);
      const problems = new Map<string, string>();
      await visitEveryScreen(page, async (screen) => {
        if ('rootFontSize' in view) {
          await page.evaluate((size) => (document.documentElement.style.fontSize = size), view.rootFontSize);
        }
        const found = await page.evaluate(findLayoutProblems);
        // The way around stays whole: every section, Lock and Need help now? can be seen in full.
        const frame = page.getByRole('navigation', { name: 'Sections' }).getByRole('button');
        for (const button of await frame.all()) {
          await button.scrollIntoViewIfNeeded();
          const name = (await button.textContent()) ?? '';
          if (!(await button.isVisible()) || !(await isWhollyInView(button))) {
            found.push(`the "${name}" button cannot be seen in full`);
          }
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        if (found.length > 0) problems.set(screen, found.map((line) => `  ${line}`).join('\n'));
      });
      expectNoProblems(problems, `Content is lost with ${view.name}:`);
    });
  }

  test('the check itself can fail: it sees clipped, overlapping and runaway text', async ({ page }) => {
    const host = await startUnlockedHost(page);
    try {
      await page.setViewportSize({ width: 800, height: 600 });
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
      expect(await page.evaluate(findLayoutProblems)).toEqual([]);
      await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const clipped = document.createElement('p');
        clipped.textContent = 'A sentence far too long for the narrow box it has been squeezed into';
        Object.assign(clipped.style, { width: '5rem', overflow: 'hidden', whiteSpace: 'nowrap' });
        const over = document.createElement('p');
        over.textContent = 'Drawn on top';
        Object.assign(over.style, { marginTop: '-2.5rem' });
        const runaway = document.createElement('p');
        runaway.textContent = 'x'.repeat(400);
        const askew = document.createElement('input');
        askew.setAttribute('aria-label', 'Askew');
        askew.style.marginLeft = '-3rem';
        main.append(clipped, over, runaway);
        main.querySelector('.card')?.append(askew);
      });
      const found = (await page.evaluate(findLayoutProblems)).join('\n');
      expect(found).toContain('the page scrolls sideways');
      expect(found).toMatch(/"A sentence far too long.*" is cut off by/);
      expect(found).toMatch(/has more than it shows/);
      expect(found).toMatch(/"Drawn on top" overlaps|overlaps <p> "Drawn on top"/);
      expect(found).toMatch(/"x{20,}.*" runs off the side of the page/);
      expect(found).toMatch(/<input> sticks out of <section\.card>/);
    } finally {
      await host.stop();
    }
  });
});

async function isWhollyInView(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return (
      rect.width > 0 &&
      rect.left >= -1 &&
      rect.top >= -1 &&
      rect.right <= document.documentElement.clientWidth + 1 &&
      rect.bottom <= document.documentElement.clientHeight + 1 &&
      !!hit &&
      node.contains(hit)
    );
  });
}

/**
 * Runs in the page: everything that would move, with how long it takes. Counted as motion: a CSS
 * animation or transition, smooth scrolling, and any running Web Animation (which a stylesheet
 * cannot slow down), on every element and its ::before and ::after.
 */
function findMotion(): string[] {
  const limitMs = 10;
  const toMs = (value: string) =>
    value.split(',').map((part) => {
      const text = part.trim();
      return text.endsWith('ms') ? parseFloat(text) : parseFloat(text) * 1000;
    });
  const longest = (values: number[]) => Math.max(0, ...values);
  const found: string[] = [];
  const describe = (element: Element, pseudo: string) =>
    `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${Array.from(element.classList)
      .map((name) => `.${name}`)
      .join('')}>${pseudo}`;
  for (const element of [document.documentElement, ...Array.from(document.body.querySelectorAll('*'))]) {
    for (const pseudo of ['', '::before', '::after']) {
      const style = getComputedStyle(element, pseudo || null);
      if (pseudo && style.content === 'none') continue;
      if (style.animationName !== 'none') {
        const durations = toMs(style.animationDuration);
        const counts = style.animationIterationCount
          .split(',')
          .map((count) => (count.trim() === 'infinite' ? Infinity : parseFloat(count)));
        const total = longest(durations.map((duration, i) => duration * (counts[i % counts.length] ?? 1)));
        if (total > limitMs) {
          found.push(`${describe(element, pseudo)} animates for ${total}ms (${style.animation})`);
        }
      }
      const transition = longest(toMs(style.transitionDuration));
      if (transition > limitMs) {
        found.push(`${describe(element, pseudo)} has a ${transition}ms transition (${style.transition})`);
      }
      if (!pseudo && style.scrollBehavior === 'smooth')
        found.push(`${describe(element, '')} scrolls smoothly`);
    }
  }
  for (const animation of document.getAnimations()) {
    const timing = animation.effect?.getComputedTiming();
    const total = Number(timing?.activeDuration ?? 0);
    if (total > limitMs) {
      const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
      found.push(`a running animation on ${target ? describe(target, '') : 'the page'} lasts ${total}ms`);
    }
  }
  return found;
}

test.describe('a request for reduced motion', () => {
  test('is honoured on every screen', async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems = new Map<string, string>();
    await visitEveryScreen(page, async (screen) => {
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      const found = await page.evaluate(findMotion);
      if (found.length > 0) problems.set(screen, found.map((line) => `  ${line}`).join('\n'));
    });
    expectNoProblems(problems, 'Things still move although the computer asks for reduced motion:');
  });

  test('covers animations added later, and the check itself can fail', async ({ page }) => {
    const host = await startUnlockedHost(page);
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
      // A future animation, written without thought for reduced motion (CSSOM: the policy allows it).
      const addMovingThings = () =>
        page.evaluate(() => {
          const card = document.querySelector('.card') as HTMLElement;
          card.style.transition = 'opacity 400ms ease';
          card.style.animation = 'stillroom-test-pulse 2s ease-in-out infinite';
          card.style.scrollBehavior = 'smooth';
        });
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await addMovingThings();
      const moving = (await page.evaluate(findMotion)).join('\n');
      expect(moving).toMatch(/<section\.card> animates for Infinityms/);
      expect(moving).toMatch(/<section\.card> has a 400ms transition/);
      expect(moving).toMatch(/<section\.card> scrolls smoothly/);

      // The app's stylesheet stills all of it once reduced motion is asked for.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await page.evaluate(findMotion)).toEqual([]);

      // A script animation is not slowed by any stylesheet, so the check looks for those too.
      await page.evaluate(() => {
        document.querySelector('h1')?.animate([{ opacity: 0 }, { opacity: 1 }], { duration: 1500 });
      });
      expect((await page.evaluate(findMotion)).join('\n')).toMatch(
        /a running animation on <h1> lasts 1500ms/,
      );
    } finally {
      await host.stop();
    }
  });
});
