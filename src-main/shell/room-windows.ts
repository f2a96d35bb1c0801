import { BrowserWindow, globalShortcut, screen } from 'electron';
import { eventChannel, type Room, type RoomPrefs } from '../contract';
import { layoutRoomDisplays, type DisplayInfo } from '../core/rooms/display-layout';
import { privacyAccelerator, privacyKeyAction, roomChangeAction } from '../core/rooms/privacy-hotkey';
import {
  curtainWindowOptions,
  ROOM_ENTRY_URL,
  roomFullscreenMode,
  roomHideSteps,
  roomShowSteps,
  roomWindowOptions,
  runRoomSteps,
} from './room-window-options';
import { privacyKeyUnavailableNotice } from './wayland-shortcuts';

/**
 * The session room's windows: one room window, created once and reused, with content protection
 * (screenshots and screen sharing show nothing where the OS supports it), and a curtain on every
 * other display. The privacy key is registered globally only while a room is open, so it takes
 * nothing from other apps the rest of the time. Decisions are the pure functions it imports.
 */
export function createRoomWindows(deps: {
  preloadPath: string;
  devTools: boolean;
  platform: NodeJS.Platform;
  /** A Wayland session: a global key needs the desktop's portal, which may be missing. */
  wayland: boolean;
  url?: string;
  /** The display the person is working on: where the main window is. */
  mainWindow: () => BrowserWindow | undefined;
}) {
  let roomWindow: BrowserWindow | undefined;
  let curtains: BrowserWindow[] = [];
  let registered: string | undefined;
  /** The display the room window was last placed on: showing it elsewhere means moving it. */
  let roomDisplayId: number | undefined;
  const mode = roomFullscreenMode(deps.platform);
  const state = { open: false, shown: false };
  let disposing = false;

  const displays = (): DisplayInfo[] =>
    screen.getAllDisplays().map((display) => ({ id: display.id, bounds: display.bounds }));

  function ensureRoomWindow(display: DisplayInfo): BrowserWindow {
    if (roomWindow && !roomWindow.isDestroyed()) return roomWindow;
    const created = new BrowserWindow(
      roomWindowOptions(deps.preloadPath, deps.devTools, display, deps.platform),
    );
    roomDisplayId = display.id;
    created.setContentProtection(true);
    void created.loadURL(deps.url ?? ROOM_ENTRY_URL);
    // Closing the room window (its "Close the room" button, or Alt+F4) hides it for reuse; an open
    // room itself ends only from its wind-down.
    created.on('close', (event) => {
      if (disposing) return;
      event.preventDefault();
      if (state.open) return hide();
      runRoomSteps(created, roomHideSteps(mode), mode, created.getBounds());
      state.shown = false;
      deps.mainWindow()?.focus();
    });
    created.on('closed', () => {
      roomWindow = undefined;
    });
    roomWindow = created;
    return created;
  }

  function closeCurtains(): void {
    for (const curtain of curtains) if (!curtain.isDestroyed()) curtain.destroy();
    curtains = [];
  }

  function show(): void {
    const main = deps.mainWindow();
    const preferred =
      main && !main.isDestroyed() ? screen.getDisplayMatching(main.getBounds()).id : undefined;
    const layout = layoutRoomDisplays(displays(), preferred);
    if (!layout) return;
    const room = ensureRoomWindow(layout.room);
    // Displays may have changed since last time: curtains are cheap, so they are made afresh.
    closeCurtains();
    curtains = layout.curtains.map((display) => {
      const curtain = new BrowserWindow(curtainWindowOptions(display, deps.platform));
      curtain.setContentProtection(true);
      curtain.showInactive();
      return curtain;
    });
    runRoomSteps(room, roomShowSteps(mode, roomDisplayId !== layout.room.id), mode, layout.room.bounds);
    roomDisplayId = layout.room.id;
    state.shown = true;
  }

  function hide(): void {
    if (roomWindow && !roomWindow.isDestroyed())
      runRoomSteps(roomWindow, roomHideSteps(mode), mode, roomWindow.getBounds());
    for (const curtain of curtains) curtain.hide();
    state.shown = false;
    // The page switches to its neutral screen, so showing the window again reveals nothing.
    roomWindow?.webContents.send(eventChannel('room.hide'), {});
  }

  function onPrivacyKey(): void {
    const action = privacyKeyAction(state);
    if (action === 'hide') hide();
    else if (action === 'show') show();
  }

  function registerKey(privacyKey: string): void {
    const { accelerator, fellBack } = privacyAccelerator(privacyKey);
    if (fellBack) console.warn('Stillroom: the saved privacy key is not valid; using the default.');
    if (registered === accelerator) return;
    unregisterKey();
    // Another app may own the combination, or (Wayland) the desktop may offer no global keys: the
    // room page's own key (it has focus) and its "Hide now" button still work then.
    if (globalShortcut.register(accelerator, onPrivacyKey)) registered = accelerator;
    else console.warn(privacyKeyUnavailableNotice(accelerator, deps.wayland));
  }

  function unregisterKey(): void {
    if (registered) globalShortcut.unregister(registered);
    registered = undefined;
  }

  return {
    /** Wired to the handlers' onRoomChanged: a room opened, moved on, or ended. */
    onRoomChanged(room: Room | null, prefs: RoomPrefs): void {
      const action = roomChangeAction(state, room);
      if (room && room.phase !== 'done') {
        state.open = true;
        registerKey(prefs.privacyKey);
      }
      if (action === 'open') show();
      if (action === 'end') {
        state.open = false;
        unregisterKey();
        closeCurtains();
      }
    },
    dispose(): void {
      disposing = true;
      unregisterKey();
      closeCurtains();
      state.open = false;
      if (roomWindow && !roomWindow.isDestroyed()) roomWindow.destroy();
    },
  };
}
