import { randomUUID } from 'node:crypto';
import { roomPrefsSchema, roomSchema, type Room, type RoomRecord } from '../../../contract/rooms';
import type { RoomRepository } from '../../../core/rooms/room-repository';
import { roomMinutes } from '../../../core/rooms/room-flow';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';
import { utc } from './shared';

interface StateRow {
  state: string;
}

export function createRoomRepository(db: VaultDatabase): RoomRepository {
  const openRow = db.prepare<[], StateRow>('SELECT state FROM rooms WHERE is_open = 1');
  const byId = db.prepare<[string], StateRow>('SELECT state FROM rooms WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO rooms (id, started_at, ended_at, is_open, active_ms, state)
     VALUES (@id, @startedAt, @endedAt, @isOpen, @activeMs, @state)
     ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, is_open = excluded.is_open,
       active_ms = excluded.active_ms, state = excluded.state`,
  );
  const everyRoom = db.prepare<[], StateRow>('SELECT state FROM rooms ORDER BY started_at, id');
  const totals = db.prepare<[string], { count: number; total: number | null }>(
    'SELECT count(*) AS count, sum(active_ms) AS total FROM rooms WHERE is_open = 0 AND started_at >= ?',
  );
  const ended = db.prepare<[string], StateRow>(
    'SELECT state FROM rooms WHERE is_open = 0 AND started_at >= ? ORDER BY started_at DESC',
  );
  const readPrefs = db.prepare<[], { prefs: string }>('SELECT prefs FROM room_prefs WHERE id = 1');
  const writePrefs = db.prepare(
    `INSERT INTO room_prefs (id, prefs) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET prefs = excluded.prefs`,
  );

  const parse = (row: StateRow): Room => roomSchema.parse(JSON.parse(row.state));
  const record = (room: Room): RoomRecord => ({
    id: room.id,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
    minutes: roomMinutes(room),
    activityKind: room.activity?.kind ?? null,
    arrivalRating: room.arrivalRating,
    feelNowRating: room.feelNowRating,
    takeAway: room.takeAway,
    outcome: room.outcome,
  });

  return {
    newId: () => randomUUID(),
    open() {
      const row = openRow.get();
      return row ? parse(row) : undefined;
    },
    get(id) {
      const row = byId.get(id);
      return row ? parse(row) : undefined;
    },
    all: () => everyRoom.all().map(parse),
    save(room) {
      guardWrite(() =>
        upsert.run({
          id: room.id,
          startedAt: utc(room.startedAt),
          endedAt: room.endedAt === null ? null : utc(room.endedAt),
          isOpen: room.phase === 'done' ? 0 : 1,
          activeMs: room.activeMs,
          state: JSON.stringify(room),
        }),
      );
      return room;
    },
    summary(since, limit) {
      const from = since === undefined ? '' : utc(since);
      const sums = totals.get(from) ?? { count: 0, total: 0 };
      const rooms = ended.all(from).map(parse);
      return {
        count: sums.count,
        totalMs: sums.total ?? 0,
        recent: rooms.slice(0, limit).map(record),
        ratings: rooms.flatMap((room) =>
          room.arrivalRating !== null && room.feelNowRating !== null
            ? [{ arrival: room.arrivalRating, now: room.feelNowRating }]
            : [],
        ),
      };
    },
    prefs() {
      const row = readPrefs.get();
      return row ? roomPrefsSchema.parse(JSON.parse(row.prefs)) : undefined;
    },
    savePrefs(prefs) {
      guardWrite(() => writePrefs.run(JSON.stringify(prefs)));
      return prefs;
    },
  };
}
