import { describe, expect, it } from 'vitest';
import { CLOSE_AFTER_MS } from '../../src-main/core/rooms/room-flow';
import { reopenableVault, REOPENABLE_PASSPHRASE } from '../helpers/reopenable-vault';

const PASSPHRASE = REOPENABLE_PASSPHRASE;
const MINUTE = 60_000;

function vaultIn() {
  return reopenableVault('stillroom-rooms-');
}

describe('session rooms in the vault', () => {
  it('walks a whole room and records the time and feelings for the progress view', async () => {
    const { api, clock } = await vaultIn();
    expect(await api().value('rooms.current', {})).toEqual({ room: null, closed: null });
    const room = await api().value('rooms.start', { plannedMinutes: 10 });
    expect(room).toMatchObject({ phase: 'arrive', plannedMinutes: 10, windDownMinutes: 3 });
    await api().value('rooms.update', { id: room.id, parked: ['Invoices', 'Email Sam'], arrivalRating: 2 });
    await api().value('rooms.advance', { id: room.id, action: 'begin-session' });
    clock.advance(4 * MINUTE);
    await api().value('rooms.update', {
      id: room.id,
      activity: { kind: 'diary' },
      draft: { what: 'Stand-up' },
    });
    clock.advance(4 * MINUTE);
    await api().value('rooms.advance', { id: room.id, action: 'wind-down' });
    clock.advance(2 * MINUTE);
    await api().value('rooms.update', { id: room.id, feelNowRating: 4, takeAway: 'Longer out-breaths' });
    const { room: done, handBack } = await api().value('rooms.finish', { id: room.id });
    expect(handBack).toEqual(['Invoices', 'Email Sam']);
    expect(done).toMatchObject({ phase: 'done', outcome: 'finished', activeMs: 10 * MINUTE });
    expect(await api().value('rooms.current', {})).toEqual({ room: null, closed: null });

    const summary = await api().value('rooms.summary', { limit: 5 });
    expect(summary).toMatchObject({ count: 1, totalMinutes: 10, better: 1, same: 0, worse: 0 });
    expect(summary.recent).toEqual([
      expect.objectContaining({
        id: room.id,
        minutes: 10,
        activityKind: 'diary',
        arrivalRating: 2,
        feelNowRating: 4,
      }),
    ]);
    const later = await api().value('rooms.summary', {
      since: new Date(clock.now() + MINUTE).toISOString(),
      limit: 5,
    });
    expect(later).toMatchObject({ count: 0, totalMinutes: 0, recent: [] });
  });

  it('allows one open room at a time, and refuses calls for an ended one', async () => {
    const { api } = await vaultIn();
    const room = await api().value('rooms.start', {});
    expect((await api().error('rooms.start', {})).code).toBe('conflict');
    await api().value('rooms.advance', { id: room.id, action: 'exit-early' });
    await api().value('rooms.finish', { id: room.id });
    expect((await api().error('rooms.update', { id: room.id, takeAway: 'x' })).code).toBe('conflict');
    expect(
      (await api().error('rooms.update', { id: '123e4567-e89b-42d3-a456-426614174000', takeAway: 'x' })).code,
    ).toBe('not_found');
    expect((await api().value('rooms.start', {})).phase).toBe('arrive');
  });

  it('survives a crash: closing and reopening the vault finds the room where it was, text intact', async () => {
    const { api, clock, reopen } = await vaultIn();
    const room = await api().value('rooms.start', {});
    await api().value('rooms.update', { id: room.id, intention: 'Be gentle', parked: ['Budget «Q4»'] });
    await api().value('rooms.advance', { id: room.id, action: 'begin-session' });
    clock.advance(MINUTE);
    await api().value('rooms.update', {
      id: room.id,
      activity: { kind: 'diary' },
      draft: { what: 'The review', body: 'Tight jaw' },
    });
    await reopen();
    clock.advance(2 * MINUTE);
    const { room: back } = await api().value('rooms.current', {});
    expect(back).toMatchObject({
      id: room.id,
      phase: 'session',
      intention: 'Be gentle',
      parked: ['Budget «Q4»'],
      activity: { kind: 'diary' },
      draft: { what: 'The review', body: 'Tight jaw' },
      pausedAt: null,
      activeMs: 3 * MINUTE,
    });
  });

  it('after a lock, a long absence reopens the room paused; half a day closes it and hands back the thoughts', async () => {
    const { api, clock } = await vaultIn();
    const room = await api().value('rooms.start', {});
    await api().value('rooms.update', { id: room.id, parked: ['Call the bank'] });
    await api().value('vault.lock', {});
    expect((await api().error('rooms.current', {})).code).toBe('locked');
    clock.advance(30 * MINUTE);
    await api().value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const { room: paused } = await api().value('rooms.current', {});
    expect(paused).toMatchObject({ phase: 'arrive', pauseReason: 'interrupted', parked: ['Call the bank'] });
    clock.advance(CLOSE_AFTER_MS + MINUTE);
    const { room: none, closed } = await api().value('rooms.current', {});
    expect(none).toBeNull();
    expect(closed).toMatchObject({
      id: room.id,
      phase: 'done',
      outcome: 'closed',
      parked: ['Call the bank'],
    });
    expect(await api().value('rooms.current', {})).toEqual({ room: null, closed: null });
    expect((await api().value('rooms.summary', { limit: 5 })).count).toBe(1);
  });

  it('keeps the privacy key and wind-down length, refusing keys that would clash', async () => {
    const { api, reopen } = await vaultIn();
    expect(await api().value('rooms.getPrefs', {})).toEqual({
      privacyKey: 'Ctrl+Shift+Space',
      windDownMinutes: 3,
    });
    const refused = await api().error('rooms.setPrefs', { privacyKey: 'Ctrl+C' });
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect(refused.message).toMatch(/already used/);
    await api().value('rooms.setPrefs', { privacyKey: 'Ctrl+Alt+J', windDownMinutes: 5 });
    await reopen();
    expect(await api().value('rooms.getPrefs', {})).toEqual({ privacyKey: 'Ctrl+Alt+J', windDownMinutes: 5 });
    expect((await api().value('rooms.start', {})).windDownMinutes).toBe(5);
  });
});
