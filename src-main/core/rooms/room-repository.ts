import type { Room, RoomPrefs, RoomRecord } from '../../contract';

/** Rooms (open and ended) and the user's room preferences, kept in the vault. */
export interface RoomRepository {
  /** A fresh random id for a new room. */
  newId(): string;
  /** The room that has not ended, if any (there is at most one). */
  open(): Room | undefined;
  get(id: string): Room | undefined;
  /** Every room, open or ended, whole, oldest first (the full export). */
  all(): Room[];
  /** Inserts or replaces the room as it is now. */
  save(room: Room): Room;
  /** Ended rooms that started at or after `since`, newest first, and their totals. */
  summary(
    since: string | undefined,
    limit: number,
  ): { count: number; totalMs: number; recent: RoomRecord[]; ratings: { arrival: number; now: number }[] };
  prefs(): RoomPrefs | undefined;
  savePrefs(prefs: RoomPrefs): RoomPrefs;
}
