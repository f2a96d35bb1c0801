import { NOTIFICATION_TEXT } from '../../contract/plain';
import type { NotificationTarget } from '../../contract/reminders';

/**
 * The OS notification, behind a port: Electron's Notification in the app, node-notifier in the
 * browser host. It is given only a target, never text, so nothing the user wrote can reach it.
 */
export interface Notifier {
  /**
   * Shows the fixed text for `target`; `onOpen` runs when the user clicks it. Resolves with
   * whether the system showed it; never rejects (no notification daemon is not an error).
   */
  notify(target: NotificationTarget, onOpen: () => void): Promise<{ delivered: boolean }>;
}

/** The fixed, discreet words of a notification. */
export function notificationText(target: NotificationTarget): { title: string; body: string } {
  return { title: NOTIFICATION_TEXT.title, body: NOTIFICATION_TEXT.body[target] };
}

/**
 * For a host that was given no notifier (tests): every reminder counts as not delivered, so it is
 * recorded and the page shows it. Each host passes its own; the default never pulls a
 * notification library into a bundle that does not use it.
 */
export const undeliveredNotifier: Notifier = {
  notify: () => Promise.resolve({ delivered: false }),
};
