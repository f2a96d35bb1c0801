import nodeNotifier from 'node-notifier';
import type { Notifier } from '../../core/reminders/notifier';
import { notificationText } from '../../core/reminders/notifier';

/** How long to wait for the system to refuse a notification before taking it as shown. */
const REFUSAL_WAIT_MS = 2_000;
const CLICKS = new Set(['activate', 'clicked', 'contentsclicked']);

export type NotifyFunction = (
  notification: { title: string; message: string; wait: boolean },
  callback: (error: Error | null, response: string, metadata?: { activationType?: string }) => void,
) => unknown;

const defaultNotify: NotifyFunction = (notification, callback) =>
  nodeNotifier.notify(notification, callback as Parameters<typeof nodeNotifier.notify>[1]);

/**
 * The browser host's notifications, through node-notifier (notify-send, terminal-notifier or
 * SnoreToast, whichever the system has). With no notification daemon (a server, CI) it reports
 * an error rather than throwing: the reminder then counts as not delivered, is still recorded,
 * and the page still shows it.
 */
export function createNodeNotifierNotifier(notify: NotifyFunction = defaultNotify): Notifier {
  return {
    notify(target, onOpen) {
      const { title, body } = notificationText(target);
      return new Promise((resolve) => {
        let settled = false;
        const settle = (delivered: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ delivered });
        };
        const timer = setTimeout(() => settle(true), REFUSAL_WAIT_MS);
        timer.unref();
        try {
          notify({ title, message: body, wait: true }, (error, response, metadata) => {
            if (error) return settle(false);
            settle(true);
            const action = String(metadata?.activationType ?? response ?? '').toLowerCase();
            if (CLICKS.has(action)) onOpen();
          });
        } catch {
          settle(false);
        }
      });
    },
  };
}
