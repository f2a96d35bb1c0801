import { randomUUID } from 'node:crypto';
import { ApiFailure, type ThoughtRecord, type ThoughtStatus } from '../../../contract';
import type { Clock } from '../../../core/clock';
import type { ThoughtRecordRepository } from '../../../core/thoughts/thought-records';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';
import { insertOnce, upperBound, utc } from './shared';

interface Row {
  id: string;
  status: ThoughtStatus;
  occurred_at: string;
  situation: string;
  automatic_thoughts: string;
  emotions: string;
  thinking_traps: string;
  evidence_for: string;
  evidence_against: string;
  balanced_thought: string;
  rerated: string;
  created_at: string;
  updated_at: string;
}

type Content = Omit<ThoughtRecord, 'id' | 'status' | 'occurredAt' | 'createdAt' | 'updatedAt'>;

function toRecord(row: Row): ThoughtRecord {
  return {
    id: row.id,
    status: row.status,
    occurredAt: row.occurred_at,
    situation: row.situation,
    automaticThoughts: JSON.parse(row.automatic_thoughts) as ThoughtRecord['automaticThoughts'],
    emotions: JSON.parse(row.emotions) as ThoughtRecord['emotions'],
    thinkingTraps: JSON.parse(row.thinking_traps) as string[],
    evidenceFor: row.evidence_for,
    evidenceAgainst: row.evidence_against,
    balancedThought: row.balanced_thought,
    rerated: JSON.parse(row.rerated) as ThoughtRecord['rerated'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The written parts as columns; lists are stored as JSON with only the fields the contract knows. */
function contentColumns(record: Content) {
  const emotions = (list: Content['emotions']) => list.map(({ name, intensity }) => ({ name, intensity }));
  return {
    situation: record.situation,
    automatic_thoughts: JSON.stringify(
      record.automaticThoughts.map(({ text, belief }) => ({ text, belief })),
    ),
    emotions: JSON.stringify(emotions(record.emotions)),
    thinking_traps: JSON.stringify(record.thinkingTraps),
    evidence_for: record.evidenceFor,
    evidence_against: record.evidenceAgainst,
    balanced_thought: record.balancedThought,
    rerated: JSON.stringify({ belief: record.rerated.belief, emotions: emotions(record.rerated.emotions) }),
  };
}

export function createThoughtRecordRepository(db: VaultDatabase, clock: Clock): ThoughtRecordRepository {
  const insert = db.prepare(
    `INSERT INTO thought_records (id, status, occurred_at, situation, automatic_thoughts, emotions,
       thinking_traps, evidence_for, evidence_against, balanced_thought, rerated, created_at, updated_at)
     VALUES (@id, @status, @occurred_at, @situation, @automatic_thoughts, @emotions, @thinking_traps,
       @evidence_for, @evidence_against, @balanced_thought, @rerated, @created_at, @updated_at)`,
  );
  // An update without a time keeps the one already stored (an autosave need not send it).
  const update = db.prepare(
    `UPDATE thought_records SET status = @status, occurred_at = coalesce(@occurred_at, occurred_at),
       situation = @situation, automatic_thoughts = @automatic_thoughts, emotions = @emotions,
       thinking_traps = @thinking_traps, evidence_for = @evidence_for, evidence_against = @evidence_against,
       balanced_thought = @balanced_thought, rerated = @rerated, updated_at = @updated_at
     WHERE id = @id`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM thought_records WHERE id = ?');
  const page = db.prepare<{ before: string; status: string | null; limit: number }, Row>(
    `SELECT * FROM thought_records WHERE occurred_at < @before AND (@status IS NULL OR status = @status)
     ORDER BY occurred_at DESC LIMIT @limit`,
  );
  const count = db.prepare<{ status: string | null }, { n: number }>(
    'SELECT count(*) AS n FROM thought_records WHERE @status IS NULL OR status = @status',
  );
  const remove = db.prepare('DELETE FROM thought_records WHERE id = ?');
  const deleteReturning = db.transaction((id: string): ThoughtRecord | undefined => {
    const row = byId.get(id);
    if (!row) return undefined;
    remove.run(id);
    return toRecord(row);
  });

  return {
    save(record) {
      const now = new Date(clock.now()).toISOString();
      const creating = record.id === undefined;
      const row = {
        id: record.id ?? randomUUID(),
        status: record.status,
        occurred_at: record.occurredAt !== undefined ? utc(record.occurredAt) : creating ? now : null,
        ...contentColumns(record),
        created_at: now,
        updated_at: now,
      };
      guardWrite(() => {
        if (creating) insert.run(row);
        else if (update.run(row).changes === 0) {
          throw new ApiFailure(
            'not_found',
            'That thought record no longer exists, so it could not be changed.',
          );
        }
      });
      return toRecord(byId.get(row.id) as Row);
    },

    get(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },

    list({ limit, before, status }) {
      const filter = status ?? null;
      return {
        records: page.all({ before: upperBound(before), status: filter, limit }).map(toRecord),
        total: count.get({ status: filter })?.n ?? 0,
      };
    },

    delete(id) {
      return guardWrite(() => deleteReturning(id));
    },

    restore(record) {
      const row = {
        id: record.id,
        status: record.status,
        occurred_at: utc(record.occurredAt),
        ...contentColumns(record),
        created_at: utc(record.createdAt),
        updated_at: utc(record.updatedAt),
      };
      guardWrite(() => insertOnce(insert, row, 'thought record'));
      return toRecord(byId.get(row.id) as Row);
    },
  };
}
