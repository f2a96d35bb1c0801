import {
  ApiFailure,
  DEFAULT_PRIVACY_KEY,
  type CallInput,
  type CallOutput,
  type Room,
  type RoomPrefs,
} from '../../contract';
import type { Clock } from '../clock';
import { advanceRoom, finishRoom, openRoom, recoverRoom, roomMinutes, updateRoom } from './room-flow';
import type { RoomRepository } from './room-repository';

export const DEFAULT_ROOM_PREFS: RoomPrefs = { privacyKey: DEFAULT_PRIVACY_KEY, windDownMinutes: 3 };

/**
 * The rooms.* calls. Each loads the open room, applies one transition of the flow and saves the
 * result before answering, so what the page shows is always what the vault holds.
 * `repository()` throws `locked` while the vault is locked.
 */
export function createRoomHandlers(deps: {
  clock: Clock;
  repository: () => RoomRepository;
  /** Told when a room opens, moves on or ends, so the Electron shell can show or close its window. */
  onRoomChanged?: (room: Room | null, prefs: RoomPrefs) => void;
}) {
  const prefs = (repository: RoomRepository) => repository.prefs() ?? DEFAULT_ROOM_PREFS;

  function current(repository: RoomRepository): { room: Room | null; closed: Room | null } {
    const open = repository.open();
    if (!open) return { room: null, closed: null };
    const recovered = recoverRoom(open, deps.clock.now());
    if (recovered.room !== open) repository.save(recovered.room);
    return recovered.closed ? { room: null, closed: recovered.room } : { room: recovered.room, closed: null };
  }

  function openById(repository: RoomRepository, id: string): Room {
    const { room } = current(repository);
    if (!room || room.id !== id) {
      const ended = repository.get(id);
      throw ended
        ? new ApiFailure('conflict', 'That room has already ended.')
        : new ApiFailure('not_found', 'That room no longer exists.');
    }
    return room;
  }

  function changed(repository: RoomRepository, room: Room): Room {
    const saved = repository.save(room);
    deps.onRoomChanged?.(saved.phase === 'done' ? null : saved, prefs(repository));
    return saved;
  }

  return {
    'rooms.current': (): CallOutput<'rooms.current'> => current(deps.repository()),
    'rooms.start': ({ plannedMinutes, activity }: CallInput<'rooms.start'>): Room => {
      const repository = deps.repository();
      if (current(repository).room) {
        throw new ApiFailure('conflict', 'A room is already open. Go back to it, or finish it first.');
      }
      return changed(
        repository,
        openRoom({
          id: repository.newId(),
          plannedMinutes: plannedMinutes ?? 5,
          windDownMinutes: prefs(repository).windDownMinutes,
          ...(activity ? { activity } : {}),
          now: deps.clock.now(),
        }),
      );
    },
    'rooms.update': (update: CallInput<'rooms.update'>): Room => {
      const repository = deps.repository();
      const room = openById(repository, update.id);
      return repository.save(updateRoom(room, update, deps.clock.now()));
    },
    'rooms.advance': ({ id, action }: CallInput<'rooms.advance'>): Room => {
      const repository = deps.repository();
      return changed(repository, advanceRoom(openById(repository, id), action, deps.clock.now()));
    },
    'rooms.finish': ({ id }: CallInput<'rooms.finish'>): CallOutput<'rooms.finish'> => {
      const repository = deps.repository();
      const finished = finishRoom(openById(repository, id), deps.clock.now());
      return { room: changed(repository, finished.room), handBack: finished.handBack };
    },
    'rooms.summary': ({ since, limit }: CallInput<'rooms.summary'>): CallOutput<'rooms.summary'> => {
      const summary = deps.repository().summary(since, limit ?? 10);
      const compare = (sign: number) =>
        summary.ratings.filter((r) => Math.sign(r.now - r.arrival) === sign).length;
      return {
        count: summary.count,
        totalMinutes: roomMinutes({ activeMs: summary.totalMs }),
        better: compare(1),
        same: compare(0),
        worse: compare(-1),
        recent: summary.recent,
      };
    },
    'rooms.getPrefs': (): RoomPrefs => prefs(deps.repository()),
    'rooms.setPrefs': (patch: CallInput<'rooms.setPrefs'>): RoomPrefs => {
      const repository = deps.repository();
      const next = { ...prefs(repository), ...stripUndefined(patch) };
      return repository.savePrefs(next);
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
