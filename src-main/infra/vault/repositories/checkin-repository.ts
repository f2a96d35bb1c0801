import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { measureResultSchema } from '../../../contract/measures';
import { safetyPlanSchema, type CheckinFrequency, type StoredResult } from '../../../contract/checkins';
import type { Clock } from '../../../core/clock';
import type { CheckinRepository } from '../../../core/checkins/checkin-repository';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';

interface ResultRow {
  id: string;
  taken_at: string;
  result: string;
}

export function createCheckinRepository(db: VaultDatabase, clock: Clock): CheckinRepository {
  const insertResult = db.prepare(
    'INSERT INTO measure_results (id, measure_id, taken_at, answers, result) VALUES (?, ?, ?, ?, ?)',
  );
  const historyOf = db.prepare<[string, number], ResultRow>(
    'SELECT id, taken_at, result FROM measure_results WHERE measure_id = ? ORDER BY taken_at DESC LIMIT ?',
  );
  const everyRow = db.prepare<[], ResultRow & { measure_id: string; answers: string }>(
    'SELECT id, measure_id, taken_at, answers, result FROM measure_results ORDER BY taken_at, id',
  );
  const lastTakenAll = db.prepare<[], { measure_id: string; last: string }>(
    'SELECT measure_id, max(taken_at) AS last FROM measure_results GROUP BY measure_id',
  );
  const planRows = db.prepare<[], { measure_id: string; frequency: CheckinFrequency }>(
    'SELECT measure_id, frequency FROM checkin_plan ORDER BY rowid',
  );
  const clearPlan = db.prepare('DELETE FROM checkin_plan');
  const addPlan = db.prepare('INSERT INTO checkin_plan (measure_id, frequency) VALUES (?, ?)');
  const readSafety = db.prepare<[], { plan: string; updated_at: string }>(
    'SELECT plan, updated_at FROM safety_plan WHERE id = 1',
  );
  const writeSafety = db.prepare(
    `INSERT INTO safety_plan (id, plan, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at`,
  );

  const toStored = (row: ResultRow): StoredResult => ({
    id: row.id,
    takenAt: row.taken_at,
    result: measureResultSchema.parse(JSON.parse(row.result)),
  });
  const now = () => new Date(clock.now()).toISOString();

  return {
    saveResult(measureId, answers, result) {
      const stored = { id: randomUUID(), takenAt: now(), result };
      guardWrite(() =>
        insertResult.run(
          stored.id,
          measureId,
          stored.takenAt,
          JSON.stringify(answers),
          JSON.stringify(result),
        ),
      );
      return stored;
    },
    history: (measureId, limit) => historyOf.all(measureId, limit).map(toStored),
    everyResult: () =>
      everyRow.all().map((row) => ({
        ...toStored(row),
        measureId: row.measure_id,
        answers: z.record(z.string(), z.number()).parse(JSON.parse(row.answers)),
      })),
    lastTaken: () => new Map(lastTakenAll.all().map((row) => [row.measure_id, row.last])),
    plan: () => planRows.all().map((row) => ({ measureId: row.measure_id, frequency: row.frequency })),
    setPlan(entries) {
      guardWrite(() =>
        db.transaction(() => {
          clearPlan.run();
          for (const entry of entries) addPlan.run(entry.measureId, entry.frequency);
        })(),
      );
    },
    safetyPlan() {
      const row = readSafety.get();
      return row
        ? { plan: safetyPlanSchema.parse(JSON.parse(row.plan)), updatedAt: row.updated_at }
        : undefined;
    },
    saveSafetyPlan(plan) {
      const updatedAt = now();
      guardWrite(() => writeSafety.run(JSON.stringify(plan), updatedAt));
      return { plan, updatedAt };
    },
  };
}
