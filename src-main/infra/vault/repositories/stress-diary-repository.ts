import { randomUUID } from 'node:crypto';
import { ApiFailure, type StressEntry } from '../../../contract';
import type { Clock } from '../../../core/clock';
import type { StressDiaryRepository } from '../../../core/diary/stress-diary';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';
import { EARLIEST, insertOnce, upperBound, utc } from './shared';

interface Row {
  id: string;
  occurred_at: string;
  stress: number;
  what: string;
  body: string;
  thoughts: string;
  actions: string;
  created_at: string;
  updated_at: string;
}

/** The stored row of an entry: its time in UTC so that text order is time order. */
function toRow(
  entry: Omit<StressEntry, 'createdAt' | 'updatedAt'>,
  createdAt: string,
  updatedAt: string,
): Row {
  return {
    id: entry.id,
    occurred_at: utc(entry.occurredAt),
    stress: entry.stress,
    what: entry.what,
    body: entry.body,
    thoughts: entry.thoughts,
    actions: entry.actions,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

function toEntry(row: Row): StressEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    stress: row.stress,
    what: row.what,
    body: row.body,
    thoughts: row.thoughts,
    actions: row.actions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createStressDiaryRepository(db: VaultDatabase, clock: Clock): StressDiaryRepository {
  const insert = db.prepare(
    `INSERT INTO stress_entries (id, occurred_at, stress, what, body, thoughts, actions, created_at, updated_at)
     VALUES (@id, @occurred_at, @stress, @what, @body, @thoughts, @actions, @created_at, @updated_at)`,
  );
  const update = db.prepare(
    `UPDATE stress_entries SET occurred_at = @occurred_at, stress = @stress, what = @what, body = @body,
       thoughts = @thoughts, actions = @actions, updated_at = @updated_at WHERE id = @id`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM stress_entries WHERE id = ?');
  const page = db.prepare<[string, string, number], Row>(
    `SELECT * FROM stress_entries WHERE occurred_at >= ? AND occurred_at < ?
     ORDER BY occurred_at DESC LIMIT ?`,
  );
  const count = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM stress_entries WHERE occurred_at >= ? AND occurred_at < ?',
  );
  const remove = db.prepare('DELETE FROM stress_entries WHERE id = ?');
  const deleteReturning = db.transaction((id: string): StressEntry | undefined => {
    const row = byId.get(id);
    if (!row) return undefined;
    remove.run(id);
    return toEntry(row);
  });

  return {
    save(entry) {
      const now = new Date(clock.now()).toISOString();
      const row = toRow({ ...entry, id: entry.id ?? randomUUID() }, now, now);
      guardWrite(() => {
        if (entry.id === undefined) insert.run(row);
        else if (update.run(row).changes === 0) {
          throw new ApiFailure('not_found', 'That diary entry no longer exists, so it could not be changed.');
        }
      });
      return toEntry(byId.get(row.id) as Row);
    },

    list({ limit, before, from, to }) {
      const lower = from === undefined ? EARLIEST : utc(from);
      return {
        entries: page.all(lower, upperBound(to, before), limit).map(toEntry),
        total: count.get(lower, upperBound(to))?.n ?? 0,
      };
    },

    delete(id) {
      return guardWrite(() => deleteReturning(id));
    },

    restore(entry) {
      const row = toRow(entry, utc(entry.createdAt), utc(entry.updatedAt));
      guardWrite(() => insertOnce(insert, row, 'diary entry'));
      return toEntry(byId.get(row.id) as Row);
    },
  };
}
