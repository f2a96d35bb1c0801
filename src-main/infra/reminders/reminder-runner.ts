import { ApiFailure, type EventName, type EventPayload, type NotificationTarget } from '../../contract';
import type { Clock } from '../../core/clock';
import type { Notifier } from '../../core/reminders/notifier';
import { scheduleInputOf } from '../../core/reminders/reminder-handlers';
import { CATCH_UP_WINDOW_MS, dueNow } from '../../core/reminders/schedule';
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
  /** The last look in this session (kept in memory: a look that finds nothing writes nothing). */
  let lastLook: number | undefined;

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
    // Where to look back from: the last look this session, else the last notification shown
    // (saved), else a week: rules only count from when they were saved, so nothing older fires.
    const saved = preferences.lastCheckedAt === null ? undefined : Date.parse(preferences.lastCheckedAt);
    const from = Math.max(lastLook ?? -Infinity, saved ?? -Infinity, now - CATCH_UP_WINDOW_MS);
    lastLook = now;
    if (from >= now) return { status: 'nothing-due' };
    const { fire, coalesced } = dueNow(
      scheduleInputOf(repository.rules(), preferences, options.zone()),
      from,
      now,
    );
    if (!fire) return { status: 'nothing-due' };
    const lastCheckedAt = new Date(now).toISOString();
    // Written only when something is shown (no disk write every half minute), and before
    // showing it, so a crash while notifying can never show it twice.
    repository.savePreferences({
      ...preferences,
      lastCheckedAt,
      snooze: fire.source === 'snooze' ? null : preferences.snooze,
    });
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
