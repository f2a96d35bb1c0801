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
  roomWindowOptions,
} from '../../src-main/shell/room-window-options';
import { mainWindowOptions } from '../../src-main/shell/window-options';
import { isAppUrl } from '../../src-main/core/security/url-policy';
import { isTrustedSender } from '../../src-main/shell/sender-policy';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const monitor: DisplayInfo = { id: 2, bounds: { x: 1440, y: 0, width: 2560, height: 1440 } };
const projector: DisplayInfo = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };

describe('room window options', () => {
  const room = roomWindowOptions('/app/out/preload/index.cjs', false, monitor);

  it('keeps every security switch of the main window, with the same preload', () => {
    expect(room.webPreferences).toEqual(
      mainWindowOptions('/app/out/preload/index.cjs', false).webPreferences,
    );
  });

  it('covers its whole display, takes focus, and shows only once ready', () => {
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
    const curtain = curtainWindowOptions(projector);
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
