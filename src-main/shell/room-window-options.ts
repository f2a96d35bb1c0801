import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../core/security/url-policy';
import type { DisplayInfo } from '../core/rooms/display-layout';
import { mainWindowOptions } from './window-options';

/** The room window loads the same app page, told by `?room` to show only the room. */
export const ROOM_ENTRY_URL = `${APP_ENTRY_URL}?room`;

/** A calm colour for curtains and for the instant before the room's page paints. */
export const ROOM_BACKGROUND = '#f5f3ee';

/**
 * How a room covers its display. macOS's native full screen is a Space of its own: hiding a
 * window in it leaves that Space black, and `setBounds` is ignored there, so a reused room could
 * not move to another display. macOS therefore gets the older "simple" full screen (the window
 * grows over its display and the Dock and menu bar hide, no new Space); Windows and Linux keep
 * the native one.
 */
export type FullscreenMode = 'native' | 'simple';

export function roomFullscreenMode(platform: NodeJS.Platform): FullscreenMode {
  return platform === 'darwin' ? 'simple' : 'native';
}

/** The fullscreen switches for a window that should cover its display, per mode. */
function coverDisplay(mode: FullscreenMode): BrowserWindowConstructorOptions {
  // `simpleFullscreen` turns any full-screen request into the simple kind, and `fullscreenable:
  // false` keeps the native kind (green button, Ctrl+Cmd+F) from ever starting.
  return mode === 'simple' ? { simpleFullscreen: true, fullscreenable: false } : { fullscreen: true };
}

/**
 * The room window: full screen on its display, focusable, no frame or menu to reach work from,
 * and exactly the main window's security switches (same preload, sandbox and isolation). In the
 * simple mode it opens windowed at the display's bounds and goes full screen once shown (see
 * roomShowSteps).
 */
export function roomWindowOptions(
  preloadPath: string,
  devTools: boolean,
  display: DisplayInfo,
  platform: NodeJS.Platform,
): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions(preloadPath, devTools);
  return {
    ...display.bounds,
    show: false,
    title: 'Stillroom',
    backgroundColor: ROOM_BACKGROUND,
    frame: false,
    ...coverDisplay(roomFullscreenMode(platform)),
    focusable: true,
    skipTaskbar: false,
    autoHideMenuBar: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    webPreferences: { ...webPreferences },
  };
}

/**
 * A curtain over another display: a plain colour, no page, no preload, never takes focus, so the
 * keyboard stays in the room. On macOS it is a display-sized window above other apps' windows,
 * never a full-screen Space (the simple full screen is for one window of the app at a time);
 * `enableLargerThanScreen` stops macOS pulling it down below the menu bar.
 */
export function curtainWindowOptions(
  display: DisplayInfo,
  platform: NodeJS.Platform,
): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions('', false);
  const { preload: _preload, ...withoutPreload } = webPreferences ?? {};
  const cover: BrowserWindowConstructorOptions =
    roomFullscreenMode(platform) === 'simple'
      ? { fullscreenable: false, alwaysOnTop: true, enableLargerThanScreen: true }
      : { fullscreen: true };
  return {
    ...display.bounds,
    show: false,
    title: 'Stillroom',
    backgroundColor: ROOM_BACKGROUND,
    frame: false,
    ...cover,
    focusable: false,
    skipTaskbar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    webPreferences: { ...withoutPreload, devTools: false },
  };
}

export type RoomStep = 'leave-fullscreen' | 'move' | 'enter-fullscreen' | 'show' | 'focus' | 'hide';

/**
 * Showing the room, possibly on another display than last time. A full-screen window ignores
 * `setBounds`, so a move leaves full screen first. In the simple mode the window is windowed
 * whenever it is hidden (see roomHideSteps), so it moves, shows, then covers its display.
 */
export function roomShowSteps(mode: FullscreenMode, moving: boolean): RoomStep[] {
  if (mode === 'simple') return [...(moving ? (['move'] as const) : []), 'show', 'enter-fullscreen', 'focus'];
  return [...(moving ? (['leave-fullscreen', 'move', 'enter-fullscreen'] as const) : []), 'show', 'focus'];
}

/**
 * Hiding the room. The simple full screen hides the Dock and menu bar for the whole app, so it is
 * left before the window hides; otherwise they would stay hidden over the person's work.
 */
export function roomHideSteps(mode: FullscreenMode): RoomStep[] {
  return mode === 'simple' ? ['leave-fullscreen', 'hide'] : ['hide'];
}

type PresentableWindow = Pick<
  BrowserWindow,
  'setFullScreen' | 'setSimpleFullScreen' | 'setBounds' | 'show' | 'focus' | 'hide'
>;

/** Carries out the steps on a window; `bounds` is the display it should cover. */
export function runRoomSteps(
  window: PresentableWindow,
  steps: readonly RoomStep[],
  mode: FullscreenMode,
  bounds: DisplayInfo['bounds'],
): void {
  const setCover = (on: boolean) =>
    mode === 'simple' ? window.setSimpleFullScreen(on) : window.setFullScreen(on);
  for (const step of steps) {
    if (step === 'leave-fullscreen') setCover(false);
    if (step === 'move') window.setBounds(bounds);
    if (step === 'enter-fullscreen') setCover(true);
    if (step === 'show') window.show();
    if (step === 'focus') window.focus();
    if (step === 'hide') window.hide();
  }
}
