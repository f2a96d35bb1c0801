import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi } from '../helpers/host-api';

/** Issue 6: a whole session room in the browser host, the privacy key, reload and early exit. */

let host: HostProcess;

function callApi(page: Page, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, host, name, data);
}

test.beforeEach(async ({ page }) => {
  host = await startHostProcess();
  await callApi(page, 'vault.create', { passphrase: 'room tests passphrase' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

/** Waits until the room has saved what was typed (autosave runs shortly after typing stops). */
async function saved(page: Page, action: () => Promise<unknown>) {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/rooms.update'));
  await action();
  await response;
}

/** Parks a thought: the "Park a thought" chip opens a one-line field (once), then Enter-like "Park it". */
async function park(page: Page, thought: string) {
  const field = page.getByLabel('A work thought to park');
  if (!(await field.isVisible())) await page.getByRole('button', { name: 'Park a thought' }).click();
  await saved(page, async () => {
    await page.getByLabel('A work thought to park').fill(thought);
    await page.getByRole('button', { name: 'Park it' }).click();
  });
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('a whole room: arrive, park, a diary entry, the privacy key, wind-down and the thoughts handed back', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await expect(heading(page, 'Arrive')).toBeFocused();
  // The app behind is gone: no sidebar while the room is open.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);

  await park(page, 'Approve the March invoices');
  await park(page, 'Reply to Sam about the rota');
  await expect(page.getByRole('list', { name: 'Parked thoughts' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Set an intention' }).click();
  await saved(page, () =>
    page.getByLabel('What would you like from the next few minutes?').fill('Let the day settle'),
  );
  await saved(page, () => page.getByRole('radio', { name: 'Low', exact: true }).check());
  await expect(page.getByRole('radio', { name: '5 minutes', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  await expect(heading(page, 'Your session')).toBeFocused();
  await expect(page.getByText('Your intention: Let the day settle')).toBeVisible();
  // Quick ones first: everything listed before "a little longer" fits in five minutes.
  await expect(page.getByRole('heading', { name: 'If you have a little longer' })).toBeVisible();
  await page.getByRole('button', { name: /^Stress diary/ }).click();
  await saved(page, () =>
    page.getByLabel('What happened?').fill('The all-hands ran over and I skipped lunch'),
  );

  // The privacy key hides everything at once and shows a neutral screen.
  await page.keyboard.press('Control+Shift+Space');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await expect(page.getByText('The all-hands ran over')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page).toHaveTitle('Paused');
  // The same key brings it back, with the half-typed entry intact.
  await page.keyboard.press('Control+Shift+Space');
  await expect(heading(page, 'Your session')).toBeFocused();
  await expect(page.getByLabel('What happened?')).toHaveValue('The all-hands ran over and I skipped lunch');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved in your diary.')).toBeVisible();
  await page.getByRole('button', { name: 'Wind down' }).click();

  await expect(heading(page, 'Wind down')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'A minute to ground yourself' })).toBeVisible();
  await page.getByRole('radio', { name: '2 minutes' }).check();
  await page
    .getByLabel('What would you like to take with you from this time?')
    .fill('Eat lunch away from the desk');
  await page.getByRole('radio', { name: 'Good', exact: true }).check();
  await expect(page.getByText('You arrived feeling low, you are leaving feeling good.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'If things feel harder now' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to work' }).click();

  await expect(heading(page, 'Back to work')).toBeFocused();
  const handedBack = page.getByRole('list', { name: 'Your parked thoughts, handed back' });
  await expect(handedBack.getByRole('listitem')).toHaveText([
    'Approve the March invoices',
    'Reply to Sam about the rota',
  ]);
  await expect(page.getByText('To keep: Eat lunch away from the desk')).toBeVisible();
  await page.getByRole('button', { name: 'Close the room' }).click();
  await expect(heading(page, 'Today')).toBeVisible();
  await expect(page.getByTestId('room-month-time')).toHaveText(
    /^This month you have given yourself \d+ minutes? in session rooms\.$/,
  );

  // The diary entry made inside the room is in the diary; the room is in the user's own record.
  const diary = (await callApi(page, 'diary.list', { limit: 10 })) as { entries: { what: string }[] };
  expect(diary.entries.map((entry) => entry.what)).toEqual(['The all-hands ran over and I skipped lunch']);
  const summary = (await callApi(page, 'rooms.summary', { limit: 5 })) as {
    count: number;
    better: number;
    recent: { activityKind: string; takeAway: string }[];
  };
  expect(summary).toMatchObject({ count: 1, better: 1 });
  expect(summary.recent[0]).toMatchObject({
    activityKind: 'diary',
    takeAway: 'Eat lunch away from the desk',
  });
});

test('a reload mid-room reopens it where it was, typed text intact', async ({ page }) => {
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await expect(heading(page, 'Arrive')).toBeFocused();
  await park(page, 'Budget spreadsheet');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: /^Stress diary/ }).click();
  await saved(page, () => page.getByLabel('What happened?').fill('My manager moved the deadline'));
  await page.reload();
  await expect(heading(page, 'Your session')).toBeVisible();
  await expect(page.getByLabel('What happened?')).toHaveValue('My manager moved the deadline');
});

test('a check-in half answered in a room keeps its ticked answers through a reload', async ({ page }) => {
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await expect(heading(page, 'Arrive')).toBeFocused();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: /^Check-in/ }).click();
  const question = (text: string) => page.getByRole('group', { name: text });
  await saved(page, () =>
    question('Feeling nervous, anxious or on edge').getByRole('radio', { name: 'Several days' }).check(),
  );
  await saved(page, () =>
    question('Feeling down, depressed or hopeless').getByRole('radio', { name: 'Nearly every day' }).check(),
  );
  await page.reload();
  await expect(heading(page, 'PHQ-4')).toBeVisible();
  await expect(
    question('Feeling nervous, anxious or on edge').getByRole('radio', { name: 'Several days' }),
  ).toBeChecked();
  await expect(
    question('Feeling down, depressed or hopeless').getByRole('radio', { name: 'Nearly every day' }),
  ).toBeChecked();
  await expect(page.getByText('2 of 4 answered')).toBeVisible();
  // The two answers still missing are asked for; nothing was submitted on the way.
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByRole('alert')).toContainText('Question 2 still needs an answer.');
  await question('Not being able to stop or control worrying')
    .getByRole('radio', { name: 'Not at all' })
    .check();
  await question('Little interest or pleasure in doing things')
    .getByRole('radio', { name: 'Not at all' })
    .check();
  await saved(page, () => page.getByRole('button', { name: 'See my results' }).click());
  await expect(page.getByText('Your answers are saved with your check-ins.')).toBeVisible();
  // Once submitted, the room keeps no copy of the answers: a reload shows a fresh form.
  await page.reload();
  await expect(page.getByText('0 of 4 answered')).toBeVisible();
});

test('the wind-down counts down the chosen length quietly and never ends the room by itself', async ({
  page,
}) => {
  // The page's clock is Playwright's from here (it starts at the real time and runs on), so the
  // test can move it on a minute; the room's start comes from the host's real clock.
  await page.clock.install();
  await page.reload();
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await expect(heading(page, 'Arrive')).toBeFocused();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Wind down' }).click();
  await expect(heading(page, 'Wind down')).toBeFocused();
  await saved(page, () => page.getByRole('radio', { name: '1 minute' }).check());
  const timer = page.getByRole('progressbar', { name: 'Wind-down time' });
  await expect(page.getByText('About a minute of your wind-down left.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'wind-down' })).toHaveCount(0);
  expect(Number(await timer.getAttribute('max'))).toBe(60);
  await page.clock.fastForward(61_000);
  // Said once, in a status line, when the time is over.
  await expect(page.getByRole('status').filter({ hasText: 'wind-down time is over' })).toBeVisible();
  await expect(page.getByText('About a minute of your wind-down left.')).toHaveCount(0);
  expect(await timer.getAttribute('value')).toBe('60');
  // Still in the room: going back is the person's choice.
  await expect(heading(page, 'Wind down')).toBeVisible();
  await page.getByRole('button', { name: 'Back to work' }).click();
});

test('a lock mid-room: after unlocking, the room reopens where it was with the text intact', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await park(page, 'Supplier contract');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: /^Stress diary/ }).click();
  await saved(page, () => page.getByLabel('What happened?').fill('Two meetings at once'));
  await callApi(page, 'vault.lock', {});
  await expect(page.getByRole('heading', { name: 'Stillroom is locked' })).toBeVisible();
  await expect(page.getByText('Two meetings at once')).toHaveCount(0);
  await page.getByLabel('Passphrase', { exact: true }).fill('room tests passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(heading(page, 'Your session')).toBeVisible();
  await expect(page.getByLabel('What happened?')).toHaveValue('Two meetings at once');
  await page.getByRole('button', { name: 'Wind down' }).click();
  await page.getByRole('button', { name: 'Back to work' }).click();
  await expect(page.getByRole('list', { name: 'Your parked thoughts, handed back' })).toHaveText(
    'Supplier contract',
  );
});

test('leaving early still offers a short wind-down; feeling worse brings gentle next steps and contacts', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await saved(page, () => page.getByRole('radio', { name: 'Okay', exact: true }).check());
  await park(page, 'Call the supplier');
  await page.getByRole('button', { name: 'Leave early' }).click();
  await expect(heading(page, 'Wind down')).toBeFocused();
  await expect(page.getByText('A short wind-down before you go.')).toBeVisible();
  await expect(page.getByRole('radio', { name: '1 minute' })).toBeChecked();
  await page.getByRole('radio', { name: 'Very low', exact: true }).check();
  await expect(page.getByRole('heading', { name: 'If things feel harder now' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'If things feel harder now' }).locator('..')).toContainText(
    'If you need to talk to someone now',
  );
  await page.getByRole('button', { name: 'Back to work' }).click();
  await expect(page.getByRole('list', { name: 'Your parked thoughts, handed back' })).toHaveText(
    'Call the supplier',
  );
});

test('a course step opens inside the room, and the privacy key can be changed in Settings', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const key = page.getByLabel('Privacy key');
  await expect(key).toHaveValue('Ctrl+Shift+Space');
  await key.fill('Ctrl+C');
  await page.getByRole('button', { name: 'Save the privacy key' }).click();
  await expect(page.getByRole('alert')).toContainText('already used');
  await key.fill('ctrl+alt+j');
  await page.getByRole('button', { name: 'Save the privacy key' }).click();
  await expect(page.getByText('The privacy key is now Ctrl+Alt+J.')).toBeVisible();

  // A room opened with a course step in it.
  await callApi(page, 'rooms.start', {
    activity: { kind: 'course-step', moduleId: 'm1', stepId: 'what-stress-is' },
  });
  await page.reload();
  await expect(heading(page, 'Arrive')).toBeVisible();
  await expect(page.getByText('Press Ctrl+Alt+J to hide it at once')).toBeVisible();
  await park(page, 'Weekly report');
  await park(page, 'Reply to Sam about the rota');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'What stress is' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark this step done' }).click();
  await page.keyboard.press('Control+Alt+KeyJ');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Wind down' }).click();
  await page.getByRole('button', { name: 'Back to work' }).click();
  await expect(
    page.getByRole('list', { name: 'Your parked thoughts, handed back' }).getByRole('listitem'),
  ).toHaveText(['Weekly report', 'Reply to Sam about the rota']);
  // The step done inside the room counts in the course, like one done from the Course screen.
  const overview = (await callApi(page, 'course.module', { moduleId: 'm1' })) as {
    module: { steps: { id: string; progress: { completedAt: string | null } }[] };
  };
  expect(
    overview.module.steps.find((step) => step.id === 'what-stress-is')?.progress.completedAt,
  ).not.toBeNull();
});

test('keyboard only: into a room, through every phase and out', async ({ page }) => {
  const start = page.getByRole('button', { name: 'Start a quick session' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Arrive')).toBeFocused();
  // Start comes first; the optional chips after it.
  await page.keyboard.press('Tab');
  const begin = page.getByRole('button', { name: 'Start', exact: true });
  await expect(begin).toBeFocused();
  const parkChip = page.getByRole('button', { name: 'Park a thought' });
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await parkChip.evaluate((el) => el === document.activeElement)) break;
  }
  await page.keyboard.press('Enter');
  await expect(parkChip).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('A work thought to park')).toBeFocused();
  await page.keyboard.type('Quarterly report');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Parked thoughts' })).toContainText('Quarterly report');
  // Back up to the button that starts the session, then Enter.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await begin.evaluate((el) => el === document.activeElement)) break;
  }
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Your session')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Stress diary/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Paced breathing/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Paced breathing' })).toBeVisible();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Wind down' }).evaluate((el) => el === document.activeElement))
      break;
  }
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Wind down')).toBeFocused();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.getByRole('button', { name: 'Back to work' }).evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Back to work')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close the room' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Today')).toBeVisible();
});

test('links inside a room open there, or wait until the room is over', async ({ page }) => {
  await callApi(page, 'rooms.start', { activity: { kind: 'article', articleId: 'sleep' } });
  await page.reload();
  await expect(heading(page, 'Arrive')).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sleep and stress' })).toBeVisible();
  // A related article opens in the room itself.
  await page.getByRole('link', { name: /When you can.t sleep/ }).click();
  await expect(page.getByRole('heading', { name: /When you can.t sleep/ }).first()).toBeVisible();
  await expect(page.getByText(/^Session room/)).toBeVisible();
  // A module's page cannot: it waits, and opens once the room is over.
  await page.getByRole('button', { name: 'Module 8: Sleeping better' }).click();
  await expect(page.getByText('That opens when you are back from your session.')).toBeVisible();
  await page.getByRole('button', { name: 'Wind down' }).click();
  await page.getByRole('button', { name: 'Back to work' }).click();
  await page.getByRole('button', { name: 'Close the room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sleeping better' })).toBeVisible();
});
