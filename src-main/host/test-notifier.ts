import { appendFileSync } from 'node:fs';
import type { Notifier } from '../core/reminders/notifier';
import { notificationText } from '../core/reminders/notifier';

/**
 * End-to-end tests only: with `STILLROOM_TEST_NOTIFICATIONS_FILE` set, notifications are written
 * to that file (one JSON line each, exactly the words the system would show) instead of the
 * desktop, which a test machine does not have. Like the test clock, this fakes only what the OS
 * owns; the browser host is never shipped.
 */
export function hostTestNotifier(env: NodeJS.ProcessEnv): Notifier | undefined {
  const file = env.STILLROOM_TEST_NOTIFICATIONS_FILE;
  if (!file) return undefined;
  return {
    notify(target) {
      appendFileSync(file, `${JSON.stringify({ ...notificationText(target), target })}\n`);
      return Promise.resolve({ delivered: true });
    },
  };
}

/** With the test clock, time jumps: look for due reminders every second, not every 30. */
export function hostReminderCheckMs(env: NodeJS.ProcessEnv): number | undefined {
  return env.STILLROOM_TEST_CLOCK_FILE ? 1_000 : undefined;
}
