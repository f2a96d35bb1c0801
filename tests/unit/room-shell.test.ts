import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { layoutRoomDisplays, type DisplayInfo } from '../../src-main/core/rooms/display-layout';
import {
  privacyAccelerator,
  privacyKeyAction,
  roomChangeAction,
} from '../../src-main/core/rooms/privacy-hotkey';
import {
  curtainWindowOptions,
  ROOM_ENTRY_URL,
  roomFullscreenMode,
  roomHideSteps,
  roomShowSteps,
  roomWindowOptions,
  runRoomSteps,
} from '../../src-main/shell/room-window-options';
import { mainWindowOptions } from '../../src-main/shell/window-options';
import { isAppUrl } from '../../src-main/core/security/url-policy';
import { isTrustedSender } from '../../src-main/shell/sender-policy';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const monitor: DisplayInfo = { id: 2, bounds: { x: 1440, y: 0, width: 2560, height: 1440 } };
const projector: DisplayInfo = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };

describe('room window options', () => {
  const room = roomWindowOptions('/app/out/preload/index.cjs', false, monitor, 'win32');

  it('keeps every security switch of the main window, with the same preload', () => {
    expect(room.webPreferences).toEqual(
      mainWindowOptions('/app/out/preload/index.cjs', false).webPreferences,
    );
  });

  it('covers its whole display, takes focus, and shows only once ready (Windows, Linux)', () => {
    expect(room).toMatchObject({
      ...monitor.bounds,
      fullscreen: true,
      focusable: true,
      frame: false,
      show: false,
    });
  });

  it('loads the app page with the room route, which the sender check trusts', () => {
    expect(ROOM_ENTRY_URL).toBe('app://stillroom/index.html?room');
    expect(isAppUrl(ROOM_ENTRY_URL)).toBe(true);
    expect(isTrustedSender({ url: ROOM_ENTRY_URL, parent: null })).toBe(true);
  });

  it('makes curtains that cover a display, never take focus and have no preload or devtools', () => {
    const curtain = curtainWindowOptions(projector, 'linux');
    expect(curtain).toMatchObject({
      ...projector.bounds,
      fullscreen: true,
      focusable: false,
      skipTaskbar: true,
    });
    expect(curtain.webPreferences).not.toHaveProperty('preload');
    expect(curtain.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
  });
});

/**
 * A macOS window as Apple and Electron document it, reduced to what the room depends on. Native
 * full screen is a Space of its own: `setBounds` is ignored in it, and hiding the window leaves
 * the Space black. `simpleFullscreen: true` turns every full-screen request into the simple kind.
 */
function fakeMacWindow(options: BrowserWindowConstructorOptions) {
  const alwaysSimple = options.simpleFullscreen === true;
  const state = {
    bounds: { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 0, height: options.height ?? 0 },
    native: false,
    simple: false,
    visible: false,
    blackSpace: false,
    everNative: false,
  };
  const enterNative = (on: boolean) => {
    if (on && options.fullscreenable === false) return;
    state.native = on;
    state.everNative ||= on;
  };
  const window = {
    state,
    setFullScreen: (on: boolean) => (alwaysSimple ? window.setSimpleFullScreen(on) : enterNative(on)),
    setSimpleFullScreen: (on: boolean) => {
      state.simple = on;
    },
    setBounds: (bounds: typeof state.bounds) => {
      if (!state.native) state.bounds = bounds;
    },
    show: () => {
      state.visible = true;
    },
    focus: () => undefined,
    hide: () => {
      state.visible = false;
      if (state.native) state.blackSpace = true;
    },
  };
  if (options.fullscreen) window.setFullScreen(true);
  return window;
}

describe('the room on macOS', () => {
  const mode = roomFullscreenMode('darwin');

  it('never uses native full screen: the room is simple full screen, curtains display-sized', () => {
    expect(mode).toBe('simple');
    const room = roomWindowOptions('/p', false, laptop, 'darwin');
    expect(room).toMatchObject({ ...laptop.bounds, simpleFullscreen: true, fullscreenable: false });
    expect(room.fullscreen).toBeUndefined();
    const curtain = curtainWindowOptions(monitor, 'darwin');
    expect(curtain).toMatchObject({
      ...monitor.bounds,
      fullscreenable: false,
      alwaysOnTop: true,
      focusable: false,
    });
    expect(curtain.fullscreen).toBeUndefined();
  });

  it('opens, hides without leaving a black Space, and reopens on another display', () => {
    const window = fakeMacWindow(roomWindowOptions('/p', false, laptop, 'darwin'));
    runRoomSteps(window, roomShowSteps(mode, false), mode, laptop.bounds);
    expect(window.state).toMatchObject({ visible: true, simple: true, bounds: laptop.bounds });

    runRoomSteps(window, roomHideSteps(mode), mode, laptop.bounds);
    // Leaving simple full screen first brings the Dock and menu bar back over the person's work.
    expect(window.state).toMatchObject({ visible: false, simple: false, blackSpace: false });

    runRoomSteps(window, roomShowSteps(mode, true), mode, monitor.bounds);
    expect(window.state).toMatchObject({ visible: true, simple: true, bounds: monitor.bounds });
    expect(window.state.everNative).toBe(false);
  });
});

describe('the room on Windows and Linux', () => {
  it('is native full screen, and leaves it to move to another display', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const mode = roomFullscreenMode(platform);
      expect(mode).toBe('native');
      expect(roomShowSteps(mode, false)).toEqual(['show', 'focus']);
      expect(roomShowSteps(mode, true)).toEqual([
        'leave-fullscreen',
        'move',
        'enter-fullscreen',
        'show',
        'focus',
      ]);
      expect(roomHideSteps(mode)).toEqual(['hide']);
      expect(roomWindowOptions('/p', false, laptop, platform).fullscreen).toBe(true);
    }
  });
});

describe('display layout', () => {
  it('puts the room where the person works and a curtain on every other display', () => {
    expect(layoutRoomDisplays([laptop, monitor, projector], 2)).toEqual({
      room: monitor,
      curtains: [laptop, projector],
    });
  });

  it('falls back to the first display when the preferred one is gone', () => {
    expect(layoutRoomDisplays([laptop, monitor], 9)).toEqual({ room: laptop, curtains: [monitor] });
    expect(layoutRoomDisplays([laptop], undefined)).toEqual({ room: laptop, curtains: [] });
  });

  it('puts one curtain on a display reported twice, and opens nothing without displays', () => {
    expect(layoutRoomDisplays([laptop, monitor, monitor, laptop], 1)).toEqual({
      room: laptop,
      curtains: [monitor],
    });
    expect(layoutRoomDisplays([], 1)).toBeUndefined();
  });
});

describe('privacy hotkey', () => {
  it('registers the default as an Electron accelerator', () => {
    expect(privacyAccelerator(undefined)).toEqual({ accelerator: 'Control+Shift+Space', fellBack: false });
    expect(privacyAccelerator('Ctrl+Alt+J')).toEqual({ accelerator: 'Control+Alt+J', fellBack: false });
  });

  it('falls back to the default for a key that no longer parses, and says so', () => {
    expect(privacyAccelerator('Ctrl+C')).toEqual({ accelerator: 'Control+Shift+Space', fellBack: true });
    expect(privacyAccelerator('nonsense')).toEqual({ accelerator: 'Control+Shift+Space', fellBack: true });
  });

  it('hides a showing room, shows a hidden one, and ignores the key with no room', () => {
    expect(privacyKeyAction({ open: true, shown: true })).toBe('hide');
    expect(privacyKeyAction({ open: true, shown: false })).toBe('show');
    expect(privacyKeyAction({ open: false, shown: false })).toBe('ignore');
  });

  it('opens the windows for a new or resumed room, keeps them hidden while hidden, ends with the room', () => {
    const session = { phase: 'session', pauseReason: null };
    expect(roomChangeAction({ open: false, shown: false }, session)).toBe('open');
    expect(roomChangeAction({ open: true, shown: true }, session)).toBe('keep');
    expect(roomChangeAction({ open: true, shown: false }, { phase: 'session', pauseReason: 'hidden' })).toBe(
      'keep',
    );
    expect(roomChangeAction({ open: true, shown: false }, session)).toBe('open');
    expect(roomChangeAction({ open: true, shown: true }, { phase: 'done', pauseReason: null })).toBe('end');
    expect(roomChangeAction({ open: true, shown: true }, null)).toBe('end');
    expect(roomChangeAction({ open: false, shown: false }, null)).toBe('keep');
  });
});
