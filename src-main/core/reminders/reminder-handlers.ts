import { ApiFailure, type CallInput, type CallOutput } from '../../contract';
import type { MondayMessage } from '../../contract/library-content';
import type { ReminderRule } from '../../contract/reminders';
import type { Clock } from '../clock';
import type { FileAccess } from '../files/file-port';
import type { ReminderPreferences, ReminderRepository } from './reminder-repository';
import {
  firstMondayFrom,
  mondayWeek,
  nextFireOf,
  snoozeUntil,
  todayIn,
  upcomingFires,
  type ScheduleInput,
} from './schedule';

/** Launch at login: only the desktop app can; the browser host has no such thing. */
export interface LoginItem {
  get(): boolean;
  set(enabled: boolean): void;
}

export interface IcsOptions {
  title: string;
  minutes: number;
  zone: string;
  now: number;
}

export interface ReminderHandlerDeps {
  clock: Clock;
  /** The user's current IANA time zone, asked each time (they may travel). */
  zone: () => string;
  repository: () => ReminderRepository;
  mondayMessages: readonly MondayMessage[];
  /** Writes a rule as an .ics calendar (infra: ical-generator). */
  buildIcs: (rule: ReminderRule, options: IcsOptions) => string;
  loginItem?: LoginItem;
  /** Where the person chose to save the calendar file. */
  files?: FileAccess;
  /** Told after any change, so the runner can refresh what it knows. */
  onChanged?: () => void;
}

const UPCOMING_COUNT = 5;
const HISTORY_COUNT = 10;

export function scheduleInputOf(
  rules: readonly ReminderRule[],
  preferences: ReminderPreferences,
  zone: string,
): ScheduleInput {
  return {
    rules,
    quietHours: preferences.quietHours,
    pausedUntil: preferences.pausedUntil,
    snooze: preferences.snooze,
    monday: preferences.monday,
    zone,
  };
}

/** Reminder rules, quiet hours, pause, snooze, .ics export, and the Monday message. */
export function createReminderHandlers(deps: ReminderHandlerDeps) {
  const iso = (at: number) => new Date(at).toISOString();

  function overview(): CallOutput<'reminders.get'> {
    const repository = deps.repository();
    const zone = deps.zone();
    const now = deps.clock.now();
    const rules = repository.rules();
    const preferences = repository.preferences();
    const input = scheduleInputOf(rules, preferences, zone);
    return {
      zone,
      rules: rules.map((rule) => {
        const next = nextFireOf(input, rule.id, now);
        return { ...rule, nextAt: next === null ? null : iso(next) };
      }),
      quietHours: preferences.quietHours,
      // A break that has ended is over: no "resting until" a day in the past.
      pausedUntil:
        preferences.pausedUntil && preferences.pausedUntil > todayIn(now, zone)
          ? preferences.pausedUntil
          : null,
      remindWhileLocked: preferences.remindWhileLocked,
      // A vault that opted in before the question existed has answered it.
      lockedQuestionAnswered: preferences.askedAboutLocked || preferences.remindWhileLocked,
      snooze: preferences.snooze && Date.parse(preferences.snooze.until) > now ? preferences.snooze : null,
      upcoming: upcomingFires(input, now, UPCOMING_COUNT).map((fire) => ({
        at: iso(fire.at),
        target: fire.target,
      })),
      history: repository.history(HISTORY_COUNT),
      launchAtLogin: { available: deps.loginItem !== undefined, enabled: deps.loginItem?.get() ?? false },
    };
  }

  function changed<T>(result: T): T {
    deps.onChanged?.();
    return result;
  }

  function updatePreferences(patch: Partial<ReminderPreferences>): void {
    const repository = deps.repository();
    repository.savePreferences({ ...repository.preferences(), ...patch });
  }

  function monday(): CallOutput<'monday.get'> {
    const { monday: chosen } = deps.repository().preferences();
    const now = deps.clock.now();
    const week = chosen.enabled && chosen.startsOn ? mondayWeek(chosen.startsOn, now, deps.zone()) : null;
    return {
      enabled: chosen.enabled,
      time: chosen.time,
      startsOn: chosen.enabled ? chosen.startsOn : null,
      week,
      message: week === null ? null : (deps.mondayMessages.find((message) => message.week === week) ?? null),
      available: deps.mondayMessages.length,
    };
  }

  return {
    'reminders.get': overview,
    'reminders.saveRule': (input: CallInput<'reminders.saveRule'>) => {
      const repository = deps.repository();
      if (input.id && !repository.rules().some((rule) => rule.id === input.id)) {
        throw new ApiFailure('not_found', 'That reminder no longer exists.');
      }
      const startDate = input.startDate ?? todayIn(deps.clock.now(), deps.zone());
      if (input.endDate && input.endDate < startDate) {
        throw new ApiFailure('invalid_input', 'The end date is before the first day.');
      }
      repository.saveRule({
        ...input,
        label: input.label ?? '',
        endDate: input.endDate ?? null,
        enabled: input.enabled ?? true,
        startDate,
      });
      return changed(overview());
    },
    'reminders.deleteRule': ({ id }: CallInput<'reminders.deleteRule'>) => {
      if (!deps.repository().deleteRule(id))
        throw new ApiFailure('not_found', 'That reminder no longer exists.');
      return changed(overview());
    },
    'reminders.setPreferences': (patch: CallInput<'reminders.setPreferences'>) => {
      updatePreferences({
        ...(patch.quietHours !== undefined ? { quietHours: patch.quietHours } : {}),
        ...(patch.pausedUntil !== undefined ? { pausedUntil: patch.pausedUntil } : {}),
        ...(patch.remindWhileLocked !== undefined
          ? { remindWhileLocked: patch.remindWhileLocked, askedAboutLocked: true }
          : {}),
      });
      return changed(overview());
    },
    'reminders.snooze': ({ choice, target }: CallInput<'reminders.snooze'>) => {
      const until = snoozeUntil(choice, deps.clock.now(), deps.zone());
      updatePreferences({ snooze: { until: iso(until), target } });
      return changed(overview());
    },
    'reminders.exportIcs': ({ ruleId, title, minutes, target }: CallInput<'reminders.exportIcs'>) => {
      if (!deps.files) throw new ApiFailure('unavailable', 'Calendar files cannot be saved here.');
      const file = deps.files.target(target, 'calendar');
      const rule = deps
        .repository()
        .rules()
        .find((candidate) => candidate.id === ruleId);
      if (!rule) throw new ApiFailure('not_found', 'That reminder no longer exists.');
      const text = deps.buildIcs(rule, {
        title: title ?? 'Focus time',
        minutes: minutes ?? 20,
        zone: deps.zone(),
        now: deps.clock.now(),
      });
      return { file: file.write(new TextEncoder().encode(text)) };
    },
    'reminders.setLaunchAtLogin': ({ enabled }: CallInput<'reminders.setLaunchAtLogin'>) => {
      if (!deps.loginItem) {
        throw new ApiFailure(
          'unavailable',
          'Starting with your computer is only possible in the desktop app on Windows or macOS, not in the browser.',
        );
      }
      deps.loginItem.set(enabled);
      return overview();
    },
    'monday.get': monday,
    'monday.setPreferences': ({ enabled, time }: CallInput<'monday.setPreferences'>) => {
      const current = deps.repository().preferences().monday;
      const startsOn =
        enabled && !current.enabled
          ? firstMondayFrom(deps.clock.now(), deps.zone())
          : enabled
            ? current.startsOn
            : null;
      updatePreferences({ monday: { enabled, time: time ?? current.time, startsOn } });
      return changed(monday());
    },
  };
}
