import {
  ApiFailure,
  SHORT_WIND_DOWN_MINUTES,
  type Room,
  type RoomActivity,
  type RoomAdvance,
  type RoomUpdate,
} from '../../contract';

/*
 * The room as a state machine: arrive → session → wind-down → done, with pause and resume at any
 * open phase, an early exit that still goes through a (short) wind-down, and recovery after a crash
 * or a lock. Pure functions of (room, event, now): the handlers persist every result, so whatever
 * state the app dies in is the state it reopens in.
 *
 * Time given to a room counts only while it is open and not paused. The page sends a sign of life
 * every minute; a longer silence (a crash, a lock, a sleeping laptop) is not counted as time.
 */

/** Silence longer than this means the app was not running, or the room was not on screen. */
export const INTERRUPTION_GAP_MS = 5 * 60_000;
/** A room left untouched this long closes cleanly, keeping everything typed, instead of reopening. */
export const CLOSE_AFTER_MS = 12 * 60 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);

function refuse(message: string): never {
  throw new ApiFailure('conflict', message);
}

export function openRoom(options: {
  id: string;
  plannedMinutes: number;
  windDownMinutes: number;
  activity?: RoomActivity;
  now: number;
}): Room {
  const now = iso(options.now);
  return {
    id: options.id,
    phase: 'arrive',
    plannedMinutes: options.plannedMinutes,
    windDownMinutes: options.windDownMinutes,
    intention: '',
    parked: [],
    arrivalRating: null,
    activity: options.activity ?? null,
    draft: {},
    feelNowRating: null,
    takeAway: '',
    earlyExit: false,
    pausedAt: null,
    pauseReason: null,
    activeMs: 0,
    startedAt: now,
    phaseStartedAt: now,
    lastActiveAt: now,
    updatedAt: now,
    endedAt: null,
    outcome: null,
  };
}

/**
 * Counts the time since the last sign of life, unless the room is paused or the gap is too long
 * to have been spent in it (then the room pauses as interrupted, where it was).
 */
export function tick(room: Room, now: number): Room {
  if (room.phase === 'done' || room.pausedAt !== null) return room;
  const gap = now - at(room.lastActiveAt);
  if (gap < 0) return { ...room, lastActiveAt: iso(now) };
  if (gap > INTERRUPTION_GAP_MS) {
    return { ...room, pausedAt: room.lastActiveAt, pauseReason: 'interrupted', updatedAt: iso(now) };
  }
  return { ...room, activeMs: room.activeMs + gap, lastActiveAt: iso(now), updatedAt: iso(now) };
}

function requireOpen(room: Room): void {
  if (room.phase === 'done') refuse('That room has already ended.');
}

/** Saves what the person typed or chose. Allowed in every open phase, paused or not. */
export function updateRoom(room: Room, update: RoomUpdate, now: number): Room {
  requireOpen(room);
  const next = tick(room, now);
  const { id: _id, ...fields } = update;
  const changed: Partial<Room> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (changed as Record<string, unknown>)[key] = value;
  }
  if ('activity' in changed && !sameActivity(changed.activity ?? null, room.activity)) {
    // Another activity starts with a clean page; the one before kept its own saved work.
    changed.draft = update.draft ?? {};
  }
  return { ...next, ...changed, updatedAt: iso(now) };
}

function sameActivity(a: RoomActivity | null, b: RoomActivity | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const ALLOWED: Record<RoomAdvance, readonly Room['phase'][]> = {
  'begin-session': ['arrive'],
  'wind-down': ['session'],
  'exit-early': ['arrive', 'session'],
  pause: ['arrive', 'session', 'wind-down'],
  hide: ['arrive', 'session', 'wind-down'],
  resume: ['arrive', 'session', 'wind-down'],
};

export function advanceRoom(room: Room, action: RoomAdvance, now: number): Room {
  requireOpen(room);
  if (!ALLOWED[action].includes(room.phase)) {
    refuse(`A room in its ${room.phase} cannot ${action.replace('-', ' ')}.`);
  }
  const stamp = iso(now);
  if (action === 'pause' || action === 'hide') {
    // Hidden by the privacy key: the same pause, remembered as such so the page can say so.
    const pauseReason = action === 'hide' ? 'hidden' : 'user';
    if (room.pausedAt !== null) return room;
    const counted = tick(room, now);
    return counted.pausedAt !== null
      ? counted
      : { ...counted, pausedAt: stamp, pauseReason, updatedAt: stamp };
  }
  if (action === 'resume') {
    if (room.pausedAt === null) return tick(room, now);
    return { ...room, pausedAt: null, pauseReason: null, lastActiveAt: stamp, updatedAt: stamp };
  }
  // Moving on is also a sign of being back: a paused room resumes in its next phase.
  const counted = room.pausedAt === null ? tick(room, now) : room;
  const running = { ...counted, pausedAt: null, pauseReason: null, lastActiveAt: stamp, updatedAt: stamp };
  if (action === 'begin-session') return { ...running, phase: 'session', phaseStartedAt: stamp };
  if (action === 'wind-down') return { ...running, phase: 'wind-down', phaseStartedAt: stamp };
  return {
    ...running,
    phase: 'wind-down',
    phaseStartedAt: stamp,
    earlyExit: true,
    windDownMinutes: Math.min(room.windDownMinutes, SHORT_WIND_DOWN_MINUTES),
  };
}

/** Back to work, from the wind-down: the parked thoughts are handed back. */
export function finishRoom(room: Room, now: number): { room: Room; handBack: string[] } {
  requireOpen(room);
  if (room.phase !== 'wind-down')
    refuse('A room ends after its wind-down. Choose "Leave early" to go there now.');
  const counted = tick(room, now);
  const stamp = iso(now);
  return {
    room: {
      ...counted,
      phase: 'done',
      pausedAt: null,
      pauseReason: null,
      endedAt: stamp,
      updatedAt: stamp,
      outcome: 'finished',
    },
    handBack: room.parked.filter((thought) => thought.trim() !== ''),
  };
}

/**
 * What an open room becomes when the app finds it again (after a restart, an unlock, or simply
 * the next call): it reopens where it was, paused if the app was away; or, when it has been left
 * for half a day, it closes cleanly with everything typed kept, and its parked thoughts are
 * handed back.
 */
export function recoverRoom(room: Room, now: number): { room: Room; closed: boolean } {
  if (room.phase === 'done') return { room, closed: false };
  if (now - at(room.updatedAt) > CLOSE_AFTER_MS) {
    return {
      room: {
        ...room,
        phase: 'done',
        pausedAt: null,
        pauseReason: null,
        endedAt: room.pausedAt ?? room.lastActiveAt,
        updatedAt: iso(now),
        outcome: 'closed',
      },
      closed: true,
    };
  }
  return { room: tick(room, now), closed: false };
}

/** Whole minutes given to a room (rounded to the nearest, at least one once it has begun). */
export function roomMinutes(room: Pick<Room, 'activeMs'>): number {
  if (room.activeMs <= 0) return 0;
  return Math.max(1, Math.round(room.activeMs / 60_000));
}
