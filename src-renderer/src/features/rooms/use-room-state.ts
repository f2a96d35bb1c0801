import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, Room, RoomAdvance } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';

type Patch = Omit<CallInput<'rooms.update'>, 'id'>;

/** How long typing may pause before it is saved; short, so a crash loses at most a few words. */
const SAVE_AFTER_MS = 300;
/** A sign of life while the room is open, so the time given to it is counted (see room-flow.ts). */
const HEARTBEAT_MS = 60_000;

/**
 * The open room as the page sees it: changes show at once and are saved shortly after, in order;
 * moving to another phase saves first. A failed save keeps the text on screen and says so.
 */
export function useRoomState(initial: Room) {
  const api = useApi();
  const [room, setRoom] = useState(initial);
  const [saveError, setSaveError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pending = useRef<Patch>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const id = initial.id;

  const flush = useCallback((): Promise<unknown> => {
    clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length === 0) return chain.current;
    chain.current = chain.current.then(async () => {
      const result = await call(api, 'rooms.update', { id, ...patch });
      if (result.ok) setSaveError(undefined);
      else {
        // Put the patch back under anything typed since, so the next save tries it again.
        pending.current = { ...patch, ...pending.current };
        setSaveError(`Not saved yet: ${result.error.message}`);
      }
    });
    return chain.current;
  }, [api, id]);

  const change = useCallback(
    (patch: Patch) => {
      setRoom((current) => ({ ...current, ...patch }) as Room);
      pending.current = { ...pending.current, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );

  const advance = useCallback(
    async (action: RoomAdvance): Promise<boolean> => {
      setBusy(true);
      await flush();
      const result = await call(api, 'rooms.advance', { id, action });
      setBusy(false);
      if (!result.ok) {
        setSaveError(result.error.message);
        return false;
      }
      // Keep what is on screen for the fields; take the flow's own state from the answer.
      setRoom((current) => ({
        ...result.value,
        intention: current.intention,
        parked: current.parked,
        draft: current.draft,
        takeAway: current.takeAway,
      }));
      return true;
    },
    [api, flush, id],
  );

  const finish = useCallback(async (): Promise<string[] | undefined> => {
    setBusy(true);
    await flush();
    const result = await call(api, 'rooms.finish', { id });
    setBusy(false);
    if (!result.ok) {
      setSaveError(result.error.message);
      return undefined;
    }
    setRoom(result.value.room);
    return result.value.handBack;
  }, [api, flush, id]);

  useEffect(() => {
    if (room.phase === 'done' || room.pausedAt !== null) return undefined;
    const beat = setInterval(() => void call(api, 'rooms.update', { id }), HEARTBEAT_MS);
    return () => clearInterval(beat);
  }, [api, id, room.phase, room.pausedAt]);

  useEffect(() => {
    // Leaving the page (reload, close): send what is waiting; the server keeps whatever arrives.
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { room, change, advance, finish, flush, busy, saveError };
}
