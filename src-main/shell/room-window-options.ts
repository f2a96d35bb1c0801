import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../core/security/url-policy';
import type { DisplayInfo } from '../core/rooms/display-layout';
import { mainWindowOptions } from './window-options';

/** The room window loads the same app page, told by `?room` to show only the room. */
export const ROOM_ENTRY_URL = `${APP_ENTRY_URL}?room`;

/** A calm colour for curtains and for the instant before the room's page paints. */
export const ROOM_BACKGROUND = '#f5f3ee';

/**
 * The room window: full screen on its display, focusable, no frame or menu to reach work from,
 * and exactly the main window's security switches (same preload, sandbox and isolation).
 */
export function roomWindowOptions(
  preloadPath: string,
  devTools: boolean,
  display: DisplayInfo,
): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions(preloadPath, devTools);
  return {
    ...display.bounds,
    show: false,
    title: 'Stillroom',
    backgroundColor: ROOM_BACKGROUND,
    frame: false,
    fullscreen: true,
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
 * keyboard stays in the room.
 */
export function curtainWindowOptions(display: DisplayInfo): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions('', false);
  const { preload: _preload, ...withoutPreload } = webPreferences ?? {};
  return {
    ...display.bounds,
    show: false,
    title: 'Stillroom',
    backgroundColor: ROOM_BACKGROUND,
    frame: false,
    fullscreen: true,
    focusable: false,
    skipTaskbar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    webPreferences: { ...withoutPreload, devTools: false },
  };
}
