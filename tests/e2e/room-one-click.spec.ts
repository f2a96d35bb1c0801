import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { tempDir } from '../helpers/host-harness';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { callHostApi } from '../helpers/host-api';

/**
 * Issue 17, point 2: a room starts in one click, and its length is its length. Counts what the
 * person does from Today to being in the session (at most 2), then moves the clocks on (the
 * host's through STILLROOM_TEST_CLOCK_FILE, the page's through Playwright) instead of waiting:
 * a 5-minute room is over, wind-down included, 5 minutes after Start.
 */

const START = Date.parse('2026-11-26T10:00:00Z');
const MINUTE = 60_000;

let host: HostProcess;
let clockFile: string;

test.use({ viewport: { width: 1366, height: 768 } });

test.beforeEach(async ({ page }) => {
  clockFile = join(tempDir('stillroom-room-clock-'), 'now.txt');
  writeFileSync(clockFile, new Date(START).toISOString());
  host = await startHostProcess({ STILLROOM_TEST_CLOCK_FILE: clockFile });
  await callHostApi(page, host, 'vault.create', { passphrase: 'one click room passphrase' });
  await page.clock.install({ time: START });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test.afterEach(async () => {
  await host.stop();
});

/** Both clocks, the host's and the page's, `ms` on from the start. */
async function clockAt(page: Page, ms: number) {
  writeFileSync(clockFile, new Date(START + ms).toISOString());
  await page.clock.fastForward(START + ms - (await page.evaluate(() => Date.now())));
}

test('from Today into a 5-minute session in 2 actions, and it is over 5 minutes after Start', async ({
  page,
}) => {
  let actions = 0;
  const act = async (control: Locator) => {
    actions += 1;
    await control.click();
  };
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });

  await act(page.getByRole('button', { name: 'Start a quick session' }));
  await expect(heading('Arrive')).toBeFocused();
  // Start is the first thing after the heading, in view without scrolling, and the largest control.
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  const sizes = await page
    .locator('.room button, .room label')
    .evaluateAll((all) =>
      all.map((el) => el.getBoundingClientRect().height * el.getBoundingClientRect().width),
    );
  const startBox = await start.boundingBox();
  expect(Math.max(...sizes)).toBe((startBox?.width ?? 0) * (startBox?.height ?? 0));
  await expect(page.getByRole('radio', { name: '5 minutes', exact: true })).toBeChecked();

  await act(start);
  await expect(heading('Your session')).toBeFocused();
  const timeLeft = page.getByTestId('session-time-left');
  await expect(timeLeft).toHaveText(/^(4:00|3:5\d)$/);
  expect(actions).toBeLessThanOrEqual(2);
  const actionsToSession = actions;

  // The minutes are not read out every second; the last one is said once.
  await expect(page.getByRole('status').filter({ hasText: 'minute left' })).toHaveCount(0);
  await clockAt(page, 3 * MINUTE + 30_000);
  await expect(timeLeft).toHaveText(/^0:(30|2\d)$/);
  await expect(page.getByRole('status').filter({ hasText: 'One minute left' })).toHaveCount(1);

  // At 4 minutes the session hands over to a 1-minute wind-down, by itself.
  await clockAt(page, 4 * MINUTE);
  await expect(heading('Wind down')).toBeFocused();
  await expect(page.getByRole('radio', { name: '1 minute', exact: true })).toBeChecked();
  await expect(page.getByText('About a minute of your wind-down left.')).toBeVisible();

  // At 5 minutes it is over: the room says so and the way back to work is one click.
  await clockAt(page, 5 * MINUTE);
  await expect(page.getByRole('status').filter({ hasText: 'wind-down time is over' })).toBeVisible();
  await act(page.getByRole('button', { name: 'Back to work' }));
  await expect(heading('Back to work')).toBeFocused();
  await expect(page.getByText('You gave yourself 5 minutes.')).toBeVisible();
  const summary = (await callHostApi(page, host, 'rooms.summary', { limit: 1 })) as {
    recent: { startedAt: string; endedAt: string; minutes: number }[];
  };
  const room = summary.recent[0];
  const minutes = room ? (Date.parse(room.endedAt) - Date.parse(room.startedAt)) / MINUTE : NaN;
  expect(minutes).toBe(5);
  console.log(
    `room-one-click: ${actionsToSession} actions from Today to in the session; ` +
      `${actions} actions and ${minutes} minutes on the clock from Today to back to work for a 5-minute room`,
  );
});

test('the wind-down asks how you are leaving, and sets it beside how you arrived only when both were given', async ({
  page,
}) => {
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await expect(heading('Arrive')).toBeFocused();
  await page
    .getByRole('group', { name: 'How are you arriving? (optional)' })
    .getByRole('radio', { name: 'Low', exact: true })
    .check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading('Your session')).toBeFocused();
  await page.getByRole('button', { name: 'Wind down' }).click();
  await expect(heading('Wind down')).toBeFocused();
  const both = page.getByText(/^You arrived feeling/);
  await expect(both).toHaveCount(0);
  await page
    .getByRole('group', { name: 'How are you leaving?' })
    .getByRole('radio', { name: 'Okay', exact: true })
    .check();
  await expect(both).toHaveText(/^You arrived feeling low, you are leaving feeling okay\./);
  await page.getByRole('button', { name: 'Back to work' }).click();
  await page.getByRole('button', { name: 'Close the room' }).click();

  // Without an arrival mood there is nothing to set beside the leaving one.
  await page.getByRole('button', { name: 'Start a quick session' }).click();
  await expect(heading('Arrive')).toBeFocused();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading('Your session')).toBeFocused();
  await page.getByRole('button', { name: 'Wind down' }).click();
  await page
    .getByRole('group', { name: 'How are you leaving?' })
    .getByRole('radio', { name: 'Good', exact: true })
    .check();
  await expect(page.getByRole('radio', { name: 'Good', exact: true })).toBeChecked();
  await expect(both).toHaveCount(0);
});
