import { Notification } from 'electron';
import type { Notifier } from '../core/reminders/notifier';
import { notificationText } from '../core/reminders/notifier';

/**
 * Notifications in the desktop app: Electron's Notification (on Windows it needs the
 * AppUserModelID that main.ts sets at start). Where the system has no notifications, or it
 * refuses one, the reminder is recorded as not delivered and the page shows it instead.
 * Do Not Disturb / Focus: Electron has no cross-platform way to read it; macOS and Windows hold
 * notifications back themselves while it is on, Linux desktops vary. Quiet hours always apply.
 */
export function createElectronNotifier(): Notifier {
  // Electron holds a shown Notification only weakly: once it is garbage-collected its click
  // handler never runs (electron/electron#16922). Keep each one until it is clicked or closed.
  const live = new Set<Notification>();
  return {
    notify(target, onOpen) {
      if (!Notification.isSupported()) return Promise.resolve({ delivered: false });
      const { title, body } = notificationText(target);
      const notification = new Notification({ title, body, silent: false });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        onOpen();
      });
      notification.on('close', () => live.delete(notification));
      return new Promise((resolve) => {
        notification.once('show', () => resolve({ delivered: true }));
        notification.once('failed', () => resolve({ delivered: false }));
        // Some systems never say "show"; do not hold the runner up waiting.
        setTimeout(() => resolve({ delivered: true }), 2_000).unref();
        notification.show();
      });
    },
  };
}
