import type { EventName, EventPayload, NotificationTarget } from '../../contract';
import type { Clock } from '../../core/clock';
import type { FileAccess } from '../../core/files/file-port';
import { undeliveredNotifier, type Notifier } from '../../core/reminders/notifier';
import { createReminderHandlers, type LoginItem } from '../../core/reminders/reminder-handlers';
import type { VaultService } from '../../core/vault/vault-service';
import { loadMondayMessages } from '../content/monday-messages-content';
import { buildIcs } from './ics-export';
import { lockedTimesFile } from './locked-times-file';
import { createReminderRunner } from './reminder-runner';

const CHECK_EVERY_MS = 30_000;

export interface ReminderServiceOptions {
  /**
   * Electron's Notification in the app, node-notifier in the browser host; none (reminders shown
   * on the page only) when not given. Imported by each host, never here: this file is in the
   * Electron bundle, and node-notifier with its helper programs must not be.
   */
  notifier?: Notifier;
  /** The user's IANA time zone, asked each time (they may travel); defaults to the system's. */
  zone?: () => string;
  /** Launch at login, where the host can (Electron). */
  loginItem?: LoginItem;
  /** How often to look for due reminders. */
  checkEveryMs?: number;
  /** A notification was clicked (the shell shows its window). */
  onOpen?: (target: NotificationTarget) => void;
}

export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The reminder wiring both hosts share: the Api handlers, the runner, and a timer that looks
 * for due reminders. A look after the computer sleeps finds everything missed and shows one
 * notification for it all; the shell also asks for a look when the system resumes.
 */
export function createReminderService(
  options: ReminderServiceOptions & {
    vault: VaultService;
    clock: Clock;
    contentDir: string;
    dataDir: string;
    files?: FileAccess;
    emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  },
) {
  const zone = options.zone ?? systemZone;
  const runner = createReminderRunner({
    vault: options.vault,
    clock: options.clock,
    zone,
    notifier: options.notifier ?? undeliveredNotifier,
    emit: options.emit,
    onOpen: options.onOpen,
    lockedTimes: lockedTimesFile(options.dataDir),
  });
  const check = () =>
    runner.check().catch((error: unknown) => {
      // Only the error's kind: a message could in theory carry a stored value.
      console.warn(
        `Stillroom: reminders could not be checked (${error instanceof Error ? error.name : 'error'}).`,
      );
      return { status: 'failed' as const };
    });
  const handlers = createReminderHandlers({
    clock: options.clock,
    zone,
    repository: () => options.vault.reminders(),
    mondayMessages: loadMondayMessages(options.contentDir),
    buildIcs,
    loginItem: options.loginItem,
    ...(options.files ? { files: options.files } : {}),
  });
  const timer = setInterval(() => void check(), options.checkEveryMs ?? CHECK_EVERY_MS);
  timer.unref();
  return {
    handlers,
    check,
    stop: () => clearInterval(timer),
  };
}
