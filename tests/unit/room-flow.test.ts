import { describe, expect, it } from 'vitest';
import { ApiFailure, type Room } from '../../src-main/contract';
import {
  advanceRoom,
  CLOSE_AFTER_MS,
  finishRoom,
  INTERRUPTION_GAP_MS,
  openRoom,
  recoverRoom,
  roomMinutes,
  tick,
  updateRoom,
} from '../../src-main/core/rooms/room-flow';
import { fakeClock } from '../helpers/vault-harness';

const ID = '123e4567-e89b-42d3-a456-426614174000';
const MINUTE = 60_000;

function start(clock = fakeClock()) {
  const room = openRoom({ id: ID, plannedMinutes: 5, windDownMinutes: 3, now: clock.now() });
  return { room, clock };
}

function conflict(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).code).toBe('conflict');
    return (error as ApiFailure).message;
  }
  throw new Error('expected a conflict');
}

describe('room flow', () => {
  it('walks arrive → session → wind-down → done, counting the time given to it', () => {
    const { room, clock } = start();
    expect(room.phase).toBe('arrive');
    clock.advance(MINUTE);
    let next = updateRoom(
      room,
      { id: ID, parked: ['Invoices', 'Call Sam'], intention: 'Slow down', arrivalRating: 2 },
      clock.now(),
    );
    clock.advance(30_000);
    next = advanceRoom(next, 'begin-session', clock.now());
    expect(next.phase).toBe('session');
    clock.advance(4 * MINUTE);
    next = tick(next, clock.now());
    clock.advance(MINUTE);
    next = advanceRoom(next, 'wind-down', clock.now());
    expect(next).toMatchObject({ phase: 'wind-down', earlyExit: false, windDownMinutes: 3 });
    clock.advance(2 * MINUTE);
    next = updateRoom(next, { id: ID, feelNowRating: 4, takeAway: 'Breathe out longer' }, clock.now());
    const done = finishRoom(next, clock.now());
    expect(done.room).toMatchObject({
      phase: 'done',
      outcome: 'finished',
      feelNowRating: 4,
      arrivalRating: 2,
    });
    expect(done.room.activeMs).toBe(8.5 * MINUTE);
    expect(done.room.endedAt).toBe(new Date(clock.now()).toISOString());
    expect(done.handBack).toEqual(['Invoices', 'Call Sam']);
    expect(roomMinutes(done.room)).toBe(9);
  });

  it('leaves pauses out of the time, and resumes where it was', () => {
    const { room, clock } = start();
    let next = advanceRoom(room, 'begin-session', clock.now());
    clock.advance(2 * MINUTE);
    next = advanceRoom(next, 'pause', clock.now());
    expect(next).toMatchObject({ pauseReason: 'user', activeMs: 2 * MINUTE, phase: 'session' });
    clock.advance(30 * MINUTE);
    // Typing while paused is kept, and does not count as time.
    next = updateRoom(next, { id: ID, draft: { what: 'The meeting' } }, clock.now());
    expect(next.activeMs).toBe(2 * MINUTE);
    next = advanceRoom(next, 'resume', clock.now());
    expect(next).toMatchObject({
      pausedAt: null,
      pauseReason: null,
      phase: 'session',
      draft: { what: 'The meeting' },
    });
    clock.advance(MINUTE);
    expect(tick(next, clock.now()).activeMs).toBe(3 * MINUTE);
  });

  it('hides with the privacy key as a pause that remembers why', () => {
    const { room, clock } = start();
    clock.advance(MINUTE);
    const hidden = advanceRoom(room, 'hide', clock.now());
    expect(hidden).toMatchObject({ pauseReason: 'hidden', phase: 'arrive', activeMs: MINUTE });
    // Hiding twice changes nothing; resuming opens it where it was.
    expect(advanceRoom(hidden, 'hide', clock.now() + 5)).toBe(hidden);
    expect(advanceRoom(hidden, 'resume', clock.now() + 5).phase).toBe('arrive');
  });

  it('exits early from arrival or session into a short wind-down, which still ends normally', () => {
    for (const phase of ['arrive', 'session'] as const) {
      const { room, clock } = start();
      const at = phase === 'session' ? advanceRoom(room, 'begin-session', clock.now()) : room;
      const early = advanceRoom(at, 'exit-early', clock.now());
      expect(early).toMatchObject({ phase: 'wind-down', earlyExit: true, windDownMinutes: 1 });
      expect(finishRoom(early, clock.now()).room.outcome).toBe('finished');
    }
  });

  it('moving on from a paused room resumes it in the next phase', () => {
    const { room, clock } = start();
    const paused = advanceRoom(room, 'pause', clock.now());
    clock.advance(10 * MINUTE);
    const session = advanceRoom(paused, 'begin-session', clock.now());
    expect(session).toMatchObject({ phase: 'session', pausedAt: null, activeMs: 0 });
  });

  it('refuses transitions that are not in the flow, naming the phase', () => {
    const { room, clock } = start();
    expect(conflict(() => advanceRoom(room, 'wind-down', clock.now()))).toMatch(/arrive/);
    expect(conflict(() => finishRoom(room, clock.now()))).toMatch(/Leave early/);
    const session = advanceRoom(room, 'begin-session', clock.now());
    expect(conflict(() => advanceRoom(session, 'begin-session', clock.now()))).toMatch(/session/);
    const windDown = advanceRoom(session, 'wind-down', clock.now());
    expect(conflict(() => advanceRoom(windDown, 'exit-early', clock.now()))).toMatch(/wind-down/);
    expect(conflict(() => advanceRoom(windDown, 'wind-down', clock.now()))).toMatch(/wind-down/);
    const { room: done } = finishRoom(windDown, clock.now());
    for (const action of ['begin-session', 'wind-down', 'exit-early', 'pause', 'hide', 'resume'] as const) {
      expect(conflict(() => advanceRoom(done, action, clock.now()))).toMatch(/ended/);
    }
    expect(conflict(() => updateRoom(done, { id: ID, takeAway: 'x' }, clock.now()))).toMatch(/ended/);
    expect(conflict(() => finishRoom(done, clock.now()))).toMatch(/ended/);
  });

  it('starts a new activity with a clean draft, but keeps the draft when the same one is saved again', () => {
    const { room, clock } = start();
    let next = updateRoom(
      room,
      { id: ID, activity: { kind: 'diary' }, draft: { what: 'Deadline' } },
      clock.now(),
    );
    next = updateRoom(next, { id: ID, activity: { kind: 'diary' } }, clock.now());
    expect(next.draft).toEqual({ what: 'Deadline' });
    next = updateRoom(next, { id: ID, activity: { kind: 'breathing' } }, clock.now());
    expect(next.draft).toEqual({});
  });

  it('answers every action in every phase as the flow says (the whole transition table)', () => {
    const expected = {
      arrive: {
        'begin-session': 'session',
        'wind-down': null,
        'exit-early': 'wind-down',
        pause: 'arrive',
        hide: 'arrive',
        resume: 'arrive',
      },
      session: {
        'begin-session': null,
        'wind-down': 'wind-down',
        'exit-early': 'wind-down',
        pause: 'session',
        hide: 'session',
        resume: 'session',
      },
      'wind-down': {
        'begin-session': null,
        'wind-down': null,
        'exit-early': null,
        pause: 'wind-down',
        hide: 'wind-down',
        resume: 'wind-down',
      },
    } as const;
    for (const [phase, actions] of Object.entries(expected)) {
      for (const [action, next] of Object.entries(actions)) {
        const { room, clock } = start();
        const at =
          phase === 'arrive'
            ? room
            : phase === 'session'
              ? advanceRoom(room, 'begin-session', clock.now())
              : advanceRoom(room, 'exit-early', clock.now());
        const run = () => advanceRoom(at, action as keyof typeof actions, clock.now());
        if (next === null) expect(() => run(), `${action} in ${phase}`).toThrow(ApiFailure);
        else {
          const after = run();
          expect(after.phase, `${action} in ${phase}`).toBe(next);
          expect(after.pausedAt !== null, `${action} in ${phase} pauses`).toBe(
            action === 'pause' || action === 'hide',
          );
        }
      }
    }
  });

  describe('after a crash or a lock', () => {
    function midSession(): { room: Room; clock: ReturnType<typeof fakeClock> } {
      const { room, clock } = start();
      let next = updateRoom(room, { id: ID, parked: ['Invoices'], intention: 'Rest' }, clock.now());
      next = advanceRoom(next, 'begin-session', clock.now());
      clock.advance(2 * MINUTE);
      next = updateRoom(
        next,
        { id: ID, activity: { kind: 'diary' }, draft: { what: 'Half a sentence' } },
        clock.now(),
      );
      return { room: next, clock };
    }

    it('reopens where it was when the app comes back within a few minutes (a short lock)', () => {
      const { room, clock } = midSession();
      clock.advance(INTERRUPTION_GAP_MS - 1);
      const { room: back, closed } = recoverRoom(room, clock.now());
      expect(closed).toBe(false);
      expect(back).toMatchObject({ phase: 'session', pausedAt: null, draft: { what: 'Half a sentence' } });
      expect(back.activeMs).toBe(2 * MINUTE + INTERRUPTION_GAP_MS - 1);
    });

    it('reopens paused after a longer absence, without counting the time away', () => {
      const { room, clock } = midSession();
      clock.advance(3 * 60 * MINUTE);
      const { room: back, closed } = recoverRoom(room, clock.now());
      expect(closed).toBe(false);
      expect(back).toMatchObject({
        phase: 'session',
        pauseReason: 'interrupted',
        pausedAt: room.lastActiveAt,
        activeMs: 2 * MINUTE,
        parked: ['Invoices'],
        intention: 'Rest',
        draft: { what: 'Half a sentence' },
      });
      const resumed = advanceRoom(back, 'resume', clock.now());
      expect(resumed.pausedAt).toBeNull();
    });

    it('closes cleanly after half a day, keeping everything typed', () => {
      const { room, clock } = midSession();
      clock.advance(CLOSE_AFTER_MS + 1);
      const { room: closed, closed: wasClosed } = recoverRoom(room, clock.now());
      expect(wasClosed).toBe(true);
      expect(closed).toMatchObject({
        phase: 'done',
        outcome: 'closed',
        endedAt: room.lastActiveAt,
        activeMs: 2 * MINUTE,
        parked: ['Invoices'],
        draft: { what: 'Half a sentence' },
      });
    });

    it('ignores a clock that went backwards rather than counting negative time', () => {
      const { room, clock } = midSession();
      clock.advance(-10 * MINUTE);
      const back = tick(room, clock.now());
      expect(back.activeMs).toBe(room.activeMs);
      expect(recoverRoom(room, clock.now()).closed).toBe(false);
    });

    it('leaves an ended room alone', () => {
      const { room, clock } = midSession();
      const windDown = advanceRoom(room, 'wind-down', clock.now());
      const { room: done } = finishRoom(windDown, clock.now());
      clock.advance(CLOSE_AFTER_MS * 2);
      expect(recoverRoom(done, clock.now())).toEqual({ room: done, closed: false });
    });
  });
});
