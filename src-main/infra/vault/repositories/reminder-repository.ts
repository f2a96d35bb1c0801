import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  calendarDateSchema,
  clockTimeSchema,
  NOTIFICATION_TARGETS,
  quietHoursSchema,
  reminderFrequencySchema,
  REMINDER_TARGETS,
  type NotificationTarget,
  type ReminderRule,
} from '../../../contract';
import type { Clock } from '../../../core/clock';
import {
  DEFAULT_REMINDER_PREFERENCES,
  type ReminderHistoryEntry,
  type ReminderRepository,
} from '../../../core/reminders/reminder-repository';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';

/** What is stored in a rule row's JSON (the id and times are columns). */
const storedRuleSchema = z.object({
  label: z.string(),
  target: z.enum(REMINDER_TARGETS),
  frequency: reminderFrequencySchema,
  time: clockTimeSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema.nullable(),
  enabled: z.boolean(),
});

const storedPreferencesSchema = z.object({
  quietHours: quietHoursSchema.nullable().catch(null),
  pausedUntil: calendarDateSchema.nullable().catch(null),
  snooze: z
    .object({ until: z.string(), target: z.enum(NOTIFICATION_TARGETS) })
    .nullable()
    .catch(null),
  monday: z
    .object({ enabled: z.boolean(), time: clockTimeSchema, startsOn: calendarDateSchema.nullable() })
    .catch(DEFAULT_REMINDER_PREFERENCES.monday),
  lastCheckedAt: z.string().nullable().catch(null),
  remindWhileLocked: z.boolean().catch(false),
  // Kept with the other choices, so no migration: older vaults read it as not yet asked.
  askedAboutLocked: z.boolean().catch(false),
});

interface RuleRow {
  id: string;
  rule: string;
  created_at: string;
  updated_at: string;
}

interface HistoryRow {
  id: string;
  fired_at: string;
  target: NotificationTarget;
  coalesced: number;
  delivered: number;
}

/** How many reminder history lines are kept. */
export const HISTORY_KEPT = 200;

export function createReminderRepository(db: VaultDatabase, clock: Clock): ReminderRepository {
  const allRules = db.prepare<[], RuleRow>(
    'SELECT id, rule, created_at, updated_at FROM reminder_rules ORDER BY created_at, id',
  );
  const oneRule = db.prepare<[string], RuleRow>(
    'SELECT id, rule, created_at, updated_at FROM reminder_rules WHERE id = ?',
  );
  const upsertRule = db.prepare(
    `INSERT INTO reminder_rules (id, rule, created_at, updated_at) VALUES (@id, @rule, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET rule = excluded.rule, updated_at = excluded.updated_at`,
  );
  const removeRule = db.prepare('DELETE FROM reminder_rules WHERE id = ?');
  const readPreferences = db.prepare<[], { preferences: string }>(
    'SELECT preferences FROM reminder_preferences WHERE id = 1',
  );
  const writePreferences = db.prepare(
    `INSERT INTO reminder_preferences (id, preferences) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET preferences = excluded.preferences`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO reminder_history (id, fired_at, target, coalesced, delivered)
     VALUES (@id, @firedAt, @target, @coalesced, @delivered)`,
  );
  // The history is for the user's own view of recent reminders; older lines are let go.
  const pruneHistory = db.prepare(
    `DELETE FROM reminder_history WHERE id NOT IN (
       SELECT id FROM reminder_history ORDER BY fired_at DESC, rowid DESC LIMIT ${HISTORY_KEPT})`,
  );
  const recentHistory = db.prepare<[number], HistoryRow>(
    'SELECT id, fired_at, target, coalesced, delivered FROM reminder_history ORDER BY fired_at DESC, rowid DESC LIMIT ?',
  );

  const toRule = (row: RuleRow): ReminderRule => ({
    id: row.id,
    ...storedRuleSchema.parse(JSON.parse(row.rule)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  return {
    rules: () => allRules.all().map(toRule),
    saveRule(input) {
      const now = new Date(clock.now()).toISOString();
      const id = input.id ?? randomUUID();
      const existing = input.id ? oneRule.get(input.id) : undefined;
      const stored = storedRuleSchema.parse({
        label: input.label,
        target: input.target,
        frequency: input.frequency,
        time: input.time,
        startDate: input.startDate,
        endDate: input.endDate,
        enabled: input.enabled,
      });
      guardWrite(() =>
        upsertRule.run({
          id,
          rule: JSON.stringify(stored),
          createdAt: existing?.created_at ?? now,
          updatedAt: now,
        }),
      );
      return toRule(oneRule.get(id) as RuleRow);
    },
    deleteRule(id) {
      return guardWrite(() => removeRule.run(id)).changes > 0;
    },
    preferences() {
      const row = readPreferences.get();
      if (!row) return { ...DEFAULT_REMINDER_PREFERENCES };
      // A field that cannot be read falls back to its default; the others are kept.
      const parsed = storedPreferencesSchema.safeParse(JSON.parse(row.preferences));
      return parsed.success ? parsed.data : { ...DEFAULT_REMINDER_PREFERENCES };
    },
    savePreferences(preferences) {
      guardWrite(() => writePreferences.run(JSON.stringify(storedPreferencesSchema.parse(preferences))));
    },
    recordFire(entry) {
      const stored: ReminderHistoryEntry = { id: randomUUID(), ...entry };
      guardWrite(() =>
        db.transaction(() => {
          insertHistory.run({ ...stored, delivered: stored.delivered ? 1 : 0 });
          pruneHistory.run();
        })(),
      );
      return stored;
    },
    history: (limit) =>
      recentHistory.all(limit).map((row) => ({
        id: row.id,
        firedAt: row.fired_at,
        target: row.target,
        coalesced: row.coalesced,
        delivered: row.delivered === 1,
      })),
  };
}
