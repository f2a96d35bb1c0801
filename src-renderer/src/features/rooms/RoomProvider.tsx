import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Room, RoomActivity } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { enterFullscreen, exitFullscreen } from './privacy';
import { RoomScreen } from './RoomScreen';
import '../../styles/rooms.css';

interface Rooms {
  /** Opens a room (a quick 5-minute one unless `minutes` says otherwise), optionally with an activity in it. */
  openRoom: (options?: { activity?: RoomActivity; minutes?: 5 | 10 | 15 | 20 | 30 }) => void;
  /** Why the last attempt to open a room failed, if it did. */
  error: string | undefined;
}

const RoomsContext = createContext<Rooms>({ openRoom: () => undefined, error: undefined });

export function useRooms(): Rooms {
  return useContext(RoomsContext);
}

type State =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'open'; room: Room }
  /** A room that recovery closed while the person was away: its parked thoughts are handed back. */
  | { kind: 'closed'; room: Room };

/**
 * Holds the session room over the whole app: while a room is open it covers everything else (the
 * screens behind are not rendered, so nothing of work or of other entries shows). On start it
 * finds a room left open by a crash, a reload or a lock, and reopens it where it was.
 */
export function RoomProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    void call(api, 'rooms.current', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setState({ kind: 'none' });
      if (result.value.room) return setState({ kind: 'open', room: result.value.room });
      if (result.value.closed && result.value.closed.parked.length > 0) {
        return setState({ kind: 'closed', room: result.value.closed });
      }
      setState({ kind: 'none' });
    });
    return () => {
      live = false;
    };
  }, [api]);

  const openRoom = useCallback<Rooms['openRoom']>(
    (options = {}) => {
      // Asked for straight away, inside the click: browsers refuse full screen after an await.
      enterFullscreen();
      setError(undefined);
      void call(api, 'rooms.start', {
        plannedMinutes: options.minutes ?? 5,
        ...(options.activity ? { activity: options.activity } : {}),
      }).then(async (result) => {
        if (result.ok) return setState({ kind: 'open', room: result.value });
        // Already open (another window, say): go back to that one.
        const current = await call(api, 'rooms.current', {});
        if (current.ok && current.value.room) return setState({ kind: 'open', room: current.value.room });
        exitFullscreen();
        setError(`The room did not open: ${result.error.message}`);
      });
    },
    [api],
  );

  const close = useCallback(() => {
    exitFullscreen();
    setState({ kind: 'none' });
  }, []);

  const value = useMemo(() => ({ openRoom, error }), [openRoom, error]);

  if (state.kind === 'open') return <RoomScreen initial={state.room} onClose={close} />;
  if (state.kind === 'closed')
    return <RoomScreen initial={state.room} handBack={state.room.parked} onClose={close} />;
  return <RoomsContext.Provider value={value}>{children}</RoomsContext.Provider>;
}
