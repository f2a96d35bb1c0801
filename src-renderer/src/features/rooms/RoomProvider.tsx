import {
  createContext,
  lazy,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Room, RoomActivity } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { NavigationContext, useNavigation, type NavTarget } from '../../app/navigation';
import { LazyArea } from '../../components/LazyArea';
import { enterFullscreen, exitFullscreen } from './privacy';
import type { RoomPlacement } from './room-placement';
import type { RoomScreen as RoomScreenComponent } from './RoomScreen';

export { roomPlacement, type RoomPlacement } from './room-placement';

/**
 * The room itself (its phases and every activity's form) loads apart from the first screen: it
 * is fetched when the page is idle, when a room is asked for (alongside `rooms.start`), and at
 * once in the room window. A room is shown only once its code is here, so it opens in one step:
 * no "Opening…" in between, and none of the pause React puts after a fallback.
 */
type RoomScreenType = typeof RoomScreenComponent;
let loadedRoomScreen: RoomScreenType | undefined;
const loadRoomScreen = () =>
  import('./RoomScreen').then((m) => {
    loadedRoomScreen = m.RoomScreen;
    return m.RoomScreen;
  });
const LazyRoomScreen = lazy(() => loadRoomScreen().then((RoomScreen) => ({ default: RoomScreen })));
const PRELOAD_AFTER_MS = 300;

/** Resolves once the room's code is here, or could not be fetched (the room then says so). */
function preloadRoomScreen(): Promise<void> {
  return loadRoomScreen().then(
    () => undefined,
    () => undefined,
  );
}

function RoomScreen(props: Parameters<RoomScreenType>[0]) {
  const Loaded = loadedRoomScreen;
  if (Loaded) return <Loaded {...props} />;
  return (
    <LazyArea label="Opening your room…">
      <LazyRoomScreen {...props} />
    </LazyArea>
  );
}

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
export function RoomProvider({
  children,
  placement = 'in-page',
}: {
  children: ReactNode;
  placement?: RoomPlacement;
}) {
  const api = useApi();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (placement === 'room-window') {
      void preloadRoomScreen();
      return undefined;
    }
    let idle: number | undefined;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(() => void preloadRoomScreen());
    }, PRELOAD_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [placement]);

  const [checks, setChecks] = useState(0);
  useEffect(() => {
    if (placement === 'in-page') return undefined;
    // In the Electron app the room has its own window, reused from room to room: both windows
    // look again whenever they come back into focus (the room window for the next room).
    const onFocus = () => setChecks((n) => n + 1);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [placement]);

  useEffect(() => {
    let live = true;
    void call(api, 'rooms.current', {}).then(async (result) => {
      if (result.ok && (result.value.room || result.value.closed)) await preloadRoomScreen();
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
  }, [api, checks]);

  const openRoom = useCallback<Rooms['openRoom']>(
    (options = {}) => {
      // Asked for straight away, inside the click: browsers refuse full screen after an await.
      if (placement === 'in-page') enterFullscreen();
      const roomCode = placement === 'elsewhere' ? Promise.resolve() : preloadRoomScreen();
      setError(undefined);
      void call(api, 'rooms.start', {
        plannedMinutes: options.minutes ?? 5,
        ...(options.activity ? { activity: options.activity } : {}),
      }).then(async (result) => {
        await roomCode;
        if (result.ok) return setState({ kind: 'open', room: result.value });
        // Already open (another window, say): go back to that one.
        const current = await call(api, 'rooms.current', {});
        if (current.ok && current.value.room) {
          // In the Electron app, resuming is what brings its room window back to the front.
          if (placement === 'elsewhere')
            void call(api, 'rooms.advance', { id: current.value.room.id, action: 'resume' });
          return setState({ kind: 'open', room: current.value.room });
        }
        exitFullscreen();
        setError(`The room did not open: ${result.error.message}`);
      });
    },
    [api, placement],
  );

  // A link inside a room that the room cannot open itself (a module's page, another screen)
  // waits until the room is over: nothing pulls the person back into the app mid-session.
  const { navigate } = useNavigation();
  const afterRoom = useRef<NavTarget | undefined>(undefined);
  const roomNavigation = useMemo(
    () => ({
      item: undefined,
      navigate: (target: NavTarget) => {
        afterRoom.current = target;
      },
    }),
    [],
  );

  const close = useCallback(() => {
    exitFullscreen();
    setState({ kind: 'none' });
    // The Electron shell hides its room window (kept for next time) when the page asks to close.
    if (placement === 'room-window') window.close();
    const next = afterRoom.current;
    afterRoom.current = undefined;
    if (next) navigate(next);
  }, [placement, navigate]);

  const value = useMemo(() => ({ openRoom, error }), [openRoom, error]);

  // A room closed while the person was away hands its parked thoughts back wherever it is seen
  // first, the main window included.
  if (state.kind === 'closed')
    return (
      <NavigationContext.Provider value={roomNavigation}>
        <RoomScreen initial={state.room} handBack={state.room.parked} onClose={close} />
      </NavigationContext.Provider>
    );
  if (placement === 'elsewhere') {
    return (
      <RoomsContext.Provider value={value}>
        {state.kind === 'open' && <ElsewhereNotice room={state.room} />}
        {children}
      </RoomsContext.Provider>
    );
  }
  if (state.kind === 'open')
    return (
      <NavigationContext.Provider value={roomNavigation}>
        <RoomScreen initial={state.room} onClose={close} />
      </NavigationContext.Provider>
    );
  if (placement === 'room-window') {
    return (
      <main className="standalone">
        <h1>No room is open</h1>
        <p>Start a session from Today in the main window.</p>
      </main>
    );
  }
  return <RoomsContext.Provider value={value}>{children}</RoomsContext.Provider>;
}

/** The main window of the Electron app while its room window holds a room. */
function ElsewhereNotice({ room }: { room: Room }) {
  const api = useApi();
  return (
    <div className="room-elsewhere" role="status">
      Your session room is still open.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => void call(api, 'rooms.advance', { id: room.id, action: 'resume' })}
      >
        Go back to it
      </button>
    </div>
  );
}
