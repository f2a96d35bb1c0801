import { ApiFailure, type EventName, type EventPayload, type NotificationTarget } from '../../contract';
import type { Clock } from '../../core/clock';
import type { Notifier } from '../../core/reminders/notifier';
import { scheduleInputOf } from '../../core/reminders/reminder-handlers';
import { dueNow } from '../../core/reminders/schedule';
import type { VaultService } from '../../core/vault/vault-service';

export interface ReminderRunnerOptions {
  vault: VaultService;
  clock: Clock;
  zone: () => string;
  notifier: Notifier;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  /** Called when the user clicks a notification, before the page is told (the shell shows its window). */
  onOpen?: (target: NotificationTarget) => void;
}

export type CheckResult =
  | { status: 'locked' }
  | { status: 'started' }
  | { status: 'nothing-due' }
  | { status: 'fired'; target: NotificationTarget; coalesced: number; delivered: boolean };

/**
 * Fires due reminders while the vault is unlocked. The rules are encrypted in the vault, so
 * while it is locked nothing can be known and nothing fires; times missed meanwhile (locked,
 * asleep, app closed) become at most ONE notification at the next look, never a burst.
 */
export function createReminderRunner(options: ReminderRunnerOptions) {
  const { vault, clock, notifier, emit } = options;
  let busy = false;

  async function checkNow(): Promise<CheckResult> {
    let repository;
    try {
      repository = vault.reminders();
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'locked') return { status: 'locked' };
      throw error;
    }
    const now = clock.now();
    const preferences = repository.preferences();
    const lastCheckedAt = new Date(now).toISOString();
    if (preferences.lastCheckedAt === null || Date.parse(preferences.lastCheckedAt) > now) {
      // The first look (or a clock set back): start from now rather than replay the past.
      repository.savePreferences({ ...preferences, lastCheckedAt });
      return { status: 'started' };
    }
    const { fire, coalesced } = dueNow(
      scheduleInputOf(repository.rules(), preferences, options.zone()),
      Date.parse(preferences.lastCheckedAt),
      now,
    );
    // Saved before showing anything, so a crash while notifying can never show it twice.
    repository.savePreferences({
      ...preferences,
      lastCheckedAt,
      snooze: fire?.source === 'snooze' ? null : preferences.snooze,
    });
    if (!fire) return { status: 'nothing-due' };
    const { target } = fire;
    const { delivered } = await notifier.notify(target, () => {
      options.onOpen?.(target);
      emit('reminder.open', { target });
    });
    try {
      vault.reminders().recordFire({ firedAt: lastCheckedAt, target, coalesced, delivered });
    } catch (error) {
      // Locked while the notification was showing: it was shown; only its history line is lost.
      if (!(error instanceof ApiFailure && error.code === 'locked')) throw error;
    }
    emit('reminder.fired', { target });
    return { status: 'fired', target, coalesced, delivered };
  }

  return {
    /** Looks once; overlapping looks (timer and wake together) wait their turn by being skipped. */
    async check(): Promise<CheckResult | { status: 'busy' }> {
      if (busy) return { status: 'busy' };
      busy = true;
      try {
        return await checkNow();
      } finally {
        busy = false;
      }
    },
  };
}

export type ReminderRunner = ReturnType<typeof createReminderRunner>;
