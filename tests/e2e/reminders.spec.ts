import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { projectRoot } from '../helpers/layering';
import { callHostApi } from '../helpers/host-api';

/**
 * Issue 7 end to end on the browser host: rules made and changed in the page, the next time
 * listed, the calendar file, the Monday message, and a reminder that fires when the (test) clock
 * reaches it, captured where the system's notification centre would show it, then opened.
 */

let host: HostProcess;
let clockFile: string;
let notificationsFile: string;
/** Settles once the page has opened its event stream to the host. */
let eventStream: Promise<unknown>;

/** A Monday message as shipped in content/messages/monday/. */
function mondayMessage(week: number): { line: string } {
  const file = join(projectRoot, 'content', 'messages', 'monday', `${String(week).padStart(2, '0')}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as { line: string };
}

function setClock(iso: string) {
  writeFileSync(clockFile, iso);
}

function notifications(): { title: string; body: string; target: string }[] {
  if (!existsSync(notificationsFile)) return [];
  return readFileSync(notificationsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { title: string; body: string; target: string });
}

function callApi(page: Page, name: string, data: unknown): Promise<unknown> {
  return callHostApi(page, host, name, data);
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  const dir = tempDir('stillroom-reminders-e2e-');
  clockFile = join(dir, 'now.txt');
  notificationsFile = join(dir, 'notifications.jsonl');
  setClock('2026-11-26T08:00:00Z'); // Thursday
  host = await startHostProcess({
    STILLROOM_TEST_CLOCK_FILE: clockFile,
    STILLROOM_TEST_NOTIFICATIONS_FILE: notificationsFile,
    TZ: 'Europe/London',
  });
  await callApi(page, 'vault.create', { passphrase: 'reminder tests passphrase' });
  eventStream = page.waitForEvent('websocket');
  await page.goto(host.url);
});

test.afterEach(async () => {
  await host.stop();
});

test('create a rule, see its next time, change it, export it to a calendar, opt in to the Monday message', async ({
  page,
}) => {
  await openSection(page, 'Reminders');
  await expect(page.getByText('You have no reminders. That is fine too.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await expect(page.getByRole('heading', { name: 'A new reminder' })).toBeVisible();
  await page.getByLabel('A quick session').check();
  await page.getByLabel('On the days I choose').check();
  await page.getByLabel('Thursday').check();
  await page.getByLabel('At what time?').fill('09:30');
  await page.getByLabel('A note for yourself (optional)').fill('breathe before the board meeting');
  await page.getByRole('button', { name: 'Save reminder' }).click();

  await expect(page.getByText('Your reminder is saved.')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Mondays, Wednesdays, Thursdays and Fridays at 09:30' }),
  ).toBeVisible();
  await expect(page.getByTestId('rule-next')).toHaveText('Next: Thu 26 Nov, 09:30');
  await expect(page.getByTestId('upcoming').getByRole('listitem').first()).toContainText('Thu 26 Nov, 09:30');

  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('heading', { name: 'Change this reminder' })).toBeVisible();
  await expect(page.getByLabel('A note for yourself (optional)')).toHaveValue(
    'breathe before the board meeting',
  );
  await page.getByLabel('Every weekday').check();
  await page.getByLabel('At what time?').fill('08:15');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByRole('heading', { name: 'Weekdays at 08:15' })).toBeVisible();
  // It is 08:00 in London (GMT), so today's 08:15 is still to come.
  await expect(page.getByTestId('rule-next')).toHaveText('Next: Thu 26 Nov, 08:15');

  await page.getByText('Add to my work calendar').click();
  await page.getByLabel('Title in your calendar').fill('Planning block');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save calendar file (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('focus-time.ics');
  await expect(page.getByTestId('saved-file')).toContainText('Downloaded focus-time.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('SUMMARY:Planning block');
  expect(ics).toContain('DTSTART;TZID=Europe/London:20261126T081500');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
  expect(ics).not.toContain('board meeting');
  // Nothing in the file says which app planned the time: it lands in a work calendar.
  expect(ics).not.toMatch(/stillroom/i);

  await page.getByRole('button', { name: 'Turn on the Monday message' }).click();
  await expect(page.getByText('The Monday message is on, at 09:00.')).toBeVisible();
  await expect(page.getByText('Your first message arrives on Monday 30 November.')).toBeVisible();

  // Monday morning, 30 November: the message of that week of the year (week 49).
  setClock('2026-11-30T08:00:00Z');
  await openSection(page, 'Today');
  await openSection(page, 'Reminders');
  const week49 = mondayMessage(49);
  await expect(page.getByRole('heading', { name: week49.line })).toBeVisible();
  await expect(page.getByText('Week 49')).toBeVisible();
});

test('a reminder fires when its time comes: captured as the system would show it, opened from the page', async ({
  page,
}) => {
  await callApi(page, 'reminders.saveRule', {
    label: 'my private words',
    target: 'checkin',
    frequency: { kind: 'weekdays' },
    time: '08:30',
  });
  await openSection(page, 'Reminders');
  await expect(page.getByTestId('rule-next')).toHaveText('Next: Thu 26 Nov, 08:30');
  expect(notifications()).toEqual([]);

  setClock('2026-11-26T08:30:20Z');
  const banner = page.getByRole('status', { name: 'Reminder' });
  await expect(banner).toContainText('Your check-in is ready when you are');
  expect(notifications()).toEqual([
    { title: 'Stillroom', body: 'Your check-in is ready when you are', target: 'checkin' },
  ]);
  await banner.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeVisible();

  // Asleep over the weekend: Friday and Monday at 08:30 are missed; one reminder, not two.
  setClock('2026-11-30T11:00:00Z');
  await expect(banner).toBeVisible();
  await page.waitForTimeout(2_500); // two more looks of the runner: still one
  expect(notifications()).toHaveLength(2);
  await banner.getByRole('button', { name: 'In 10 minutes' }).click();
  await expect(page.getByText('Snoozed. It will come back later.')).toBeVisible();
  setClock('2026-11-30T11:10:30Z');
  await expect(banner).toContainText('Your check-in is ready when you are');
  expect(notifications()).toHaveLength(3);

  await openSection(page, 'Reminders');
  await expect(page.getByTestId('history').getByRole('listitem')).toHaveCount(3);
  expect(JSON.stringify(notifications())).not.toContain('private');
});

test('the Monday message arrives as a notification and opens the message', async ({ page }) => {
  // The banner comes from the page's event stream: under load, a page still loading when the
  // reminder fires would never hear of it (the system notification still shows).
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await eventStream;
  await callApi(page, 'monday.setPreferences', { enabled: true, time: '09:00' });
  setClock('2026-11-30T09:00:40Z');
  const banner = page.getByRole('status', { name: 'Reminder' });
  await expect(banner).toContainText('A new Monday message is here');
  expect(notifications()).toEqual([
    { title: 'Stillroom', body: 'A new Monday message is here', target: 'monday' },
  ]);
  await banner.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This week’s Monday message' })).toBeVisible();
  await expect(page.getByRole('heading', { name: mondayMessage(49).line })).toBeVisible();
});

test('with the keyboard alone: add a reminder, delete it, and undo', async ({ page }) => {
  /** Presses Tab until `target` has focus (a keyboard user's way there), within reason. */
  async function tabTo(target: ReturnType<Page['getByRole']>) {
    for (let presses = 0; presses < 60; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('Tab never reached the target');
  }

  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeFocused();
  await tabTo(page.getByRole('button', { name: 'Add a reminder' }));
  await page.keyboard.press('Enter');
  await tabTo(page.getByRole('radio', { name: 'A quick session' }));
  await page.keyboard.press('ArrowDown'); // My check-in
  await expect(page.getByRole('radio', { name: 'My check-in' })).toBeChecked();
  await tabTo(page.getByRole('radio', { name: 'On the days I choose' }));
  await page.keyboard.press('ArrowDown'); // Every weekday
  await expect(page.getByRole('radio', { name: 'Every weekday' })).toBeChecked();
  await tabTo(page.getByLabel('At what time?'));
  await page.keyboard.type('1745');
  await tabTo(page.getByRole('button', { name: 'Save reminder' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Weekdays at 17:45' })).toBeVisible();
  await expect(page.getByTestId('rule-next')).toHaveText('Next: Thu 26 Nov, 17:45');

  await tabTo(page.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('You have no reminders. That is fine too.')).toBeVisible();
  await tabTo(page.getByRole('button', { name: 'Undo' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your reminder is back.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Weekdays at 17:45' })).toBeVisible();
});

test('the first reminder asks, once, whether it may come while locked, and each reminder shows the answer', async ({
  page,
}) => {
  await openSection(page, 'Reminders');
  const question = page.getByRole('heading', {
    name: 'Should reminders reach you while Stillroom is locked?',
  });
  await expect(question).toHaveCount(0);

  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await page.getByLabel('A quick session').check();
  await page.getByLabel('Every weekday').check();
  await page.getByLabel('At what time?').fill('09:30');
  await page.getByRole('button', { name: 'Save reminder' }).click();

  // Asked straight away, in plain words, with focus on the question.
  await expect(question).toBeFocused();
  await page.getByRole('button', { name: 'Yes, remind me while locked' }).click();
  await expect(page.getByText('Your reminders will reach you while Stillroom is locked too.')).toBeVisible();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('rule-locked')).toHaveText('Reaches you while Stillroom is locked too.');
  await expect(page.getByLabel('Remind me even while Stillroom is locked')).toBeChecked();

  // Asked once: a second reminder and a reload do not ask again.
  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await page.getByLabel('My check-in').check();
  await page.getByLabel('Every weekday').check();
  await page.getByLabel('At what time?').fill('16:00');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByText('Your reminder is saved.')).toBeVisible();
  await page.reload();
  await openSection(page, 'Reminders');
  await expect(page.getByTestId('rule-locked')).toHaveCount(2);
  await expect(question).toHaveCount(0);

  // Changing the setting is an answer too, and the list follows it.
  // The box follows the vault's answer, so it changes once the call returns: click, then wait.
  await page.getByLabel('Remind me even while Stillroom is locked').click();
  await expect(page.getByLabel('Remind me even while Stillroom is locked')).not.toBeChecked();
  await expect(page.getByTestId('rule-locked').first()).toHaveText(
    'Reaches you only while Stillroom is unlocked.',
  );
});
