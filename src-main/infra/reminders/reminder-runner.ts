import { ApiFailure, type EventName, type EventPayload, type NotificationTarget } from '../../contract';
import type { Clock } from '../../core/clock';
import type { Notifier } from '../../core/reminders/notifier';
import { scheduleInputOf } from '../../core/reminders/reminder-handlers';
import { CATCH_UP_WINDOW_MS, dueNow, plannedFires, type ScheduleInput } from '../../core/reminders/schedule';
import type { VaultService } from '../../core/vault/vault-service';
import type { LockedTimesFile } from './locked-times-file';

/** How far ahead the times kept for locked reminders reach (they are renewed at each unlock). */
const LOCKED_HORIZON_MS = 14 * 86_400_000;

export interface ReminderRunnerOptions {
  vault: VaultService;
  clock: Clock;
  zone: () => string;
  notifier: Notifier;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  /** Called when the user clicks a notification, before the page is told (the shell shows its window). */
  onOpen?: (target: NotificationTarget) => void;
  /** Where the times for locked reminders live, if the user turns that on. */
  lockedTimes?: LockedTimesFile;
}

export type CheckResult =
  | { status: 'locked' }
  | { status: 'nothing-due' }
  | {
      status: 'fired';
      target: NotificationTarget;
      coalesced: number;
      delivered: boolean;
      /** Shown while locked, from the times kept outside the vault. */
      whileLocked?: true;
    };

/**
 * Fires due reminders. The rules are encrypted in the vault, so while it is locked nothing can be
 * known and nothing fires, unless the user chose to keep the next times (only the times) outside
 * it; then a locked reminder says only "Your planned moment is ready". Times missed meanwhile
 * (locked, asleep, app closed) become at most ONE notification at the next look, never a burst.
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
      if (error instanceof ApiFailure && error.code === 'locked') return lockedLook();
      throw error;
    }
    const now = clock.now();
    const preferences = repository.preferences();
    const lockedFiredUpTo = options.lockedTimes?.read()?.firedUpTo ?? undefined;
    const saved = preferences.lastCheckedAt === null ? undefined : Date.parse(preferences.lastCheckedAt);
    // Where to look back from: the last look this session, the last notification shown (saved),
    // or the last one shown while locked; never more than a week back. Rules only count from
    // when they were saved, so nothing from before a rule existed fires.
    const from = Math.max(
      lastLook ?? -Infinity,
      saved ?? -Infinity,
      lockedFiredUpTo ?? -Infinity,
      now - CATCH_UP_WINDOW_MS,
    );
    lastLook = now;
    const input = scheduleInputOf(repository.rules(), preferences, options.zone());
    const { fire, coalesced } = from >= now ? { fire: null, coalesced: 0 } : dueNow(input, from, now);
    keepLockedTimes(
      fire?.source === 'snooze' ? { ...input, snooze: null } : input,
      preferences.remindWhileLocked,
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

  /** Renews (or removes) the times kept for locked reminders; written only when they change. */
  function keepLockedTimes(input: ScheduleInput, enabled: boolean, now: number): void {
    const file = options.lockedTimes;
    if (!file) return;
    if (!enabled) return file.remove();
    const times = plannedFires(input, now, now + LOCKED_HORIZON_MS)
      .map((fire) => fire.at)
      .slice(0, 500);
    const current = file.read();
    if (current && current.times.join() === times.join()) return;
    file.write({ format: 1, times, firedUpTo: current?.firedUpTo ?? null });
  }

  /** Locked: only the kept times, if any; one generic notification for whatever is due. */
  async function lockedLook(): Promise<CheckResult> {
    const file = options.lockedTimes;
    const kept = file?.read();
    if (!file || !kept) return { status: 'locked' };
    const now = clock.now();
    const from = Math.max(lastLook ?? -Infinity, kept.firedUpTo ?? -Infinity, now - CATCH_UP_WINDOW_MS);
    const due = kept.times.filter((at) => at > from && at <= now);
    if (due.length === 0) return { status: 'locked' };
    lastLook = now;
    file.write({ format: 1, times: kept.times.filter((at) => at > now), firedUpTo: now });
    const target = 'open' as const;
    const { delivered } = await notifier.notify(target, () => {
      options.onOpen?.(target);
      emit('reminder.open', { target });
    });
    emit('reminder.fired', { target });
    return { status: 'fired', target, coalesced: due.length, delivered, whileLocked: true };
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
