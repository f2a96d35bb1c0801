import { describe, expect, it } from 'vitest';
import type { LoginItemSettings, LoginItemSettingsOptions, Settings } from 'electron';
import {
  createLoginItem,
  HIDDEN_ARG,
  loginItemQuery,
  loginItemWrite,
  startedByLoginItem,
  type LoginItemApp,
} from '../../src-main/shell/login-item';

const EXE = 'C:\\Program Files\\Stillroom\\Stillroom.exe';

/**
 * The login items are the OS's, so they are faked, each as Electron documents it. Windows keeps a
 * Run entry (path + args) and answers `openAtLogin` only for the args it is asked about (default
 * none). macOS keeps a yes/no and, since macOS 13, no "open hidden"; it says whether this start
 * was at login.
 */
function fakeWindows() {
  let entry: { path: string; args: string[] } | undefined;
  const app: LoginItemApp = {
    setLoginItemSettings(settings: Settings) {
      entry = settings.openAtLogin ? { path: settings.path ?? EXE, args: settings.args ?? [] } : undefined;
    },
    getLoginItemSettings(options?: LoginItemSettingsOptions) {
      const args = options?.args ?? [];
      const matches =
        entry !== undefined &&
        entry.path === (options?.path ?? EXE) &&
        JSON.stringify(entry.args) === JSON.stringify(args);
      return { openAtLogin: matches, executableWillLaunchAtLogin: entry !== undefined } as LoginItemSettings;
    },
  };
  return { app, entry: () => entry };
}

function fakeMac(openedAtLogin: boolean) {
  let enabled = false;
  const written: Settings[] = [];
  const app: LoginItemApp = {
    setLoginItemSettings(settings: Settings) {
      written.push(settings);
      enabled = settings.openAtLogin === true;
    },
    getLoginItemSettings: () =>
      ({ openAtLogin: enabled, wasOpenedAtLogin: openedAtLogin, status: 'enabled' }) as LoginItemSettings,
  };
  return { app, written };
}

describe('launch at login on Windows', () => {
  it('reads back on after it is switched on, and off after it is switched off', () => {
    const windows = fakeWindows();
    const item = createLoginItem(windows.app, 'win32');
    item?.set(true);
    expect(windows.entry()).toEqual({ path: EXE, args: [HIDDEN_ARG] });
    expect(item?.get()).toBe(true);
    // Why the args matter: asked without them, Windows says "off" for the entry just written.
    expect(windows.app.getLoginItemSettings().openAtLogin).toBe(false);
    item?.set(false);
    expect(item?.get()).toBe(false);
  });

  it('starts hidden when started with the argument, visibly otherwise', () => {
    const { app } = fakeWindows();
    expect(startedByLoginItem(app, 'win32', [EXE, HIDDEN_ARG])).toBe(true);
    expect(startedByLoginItem(app, 'win32', [EXE])).toBe(false);
  });
});

describe('launch at login on macOS 13+', () => {
  it('writes no openAsHidden (ignored since macOS 13) and no args (Windows only)', () => {
    const mac = fakeMac(false);
    createLoginItem(mac.app, 'darwin')?.set(true);
    expect(mac.written).toEqual([{ openAtLogin: true }]);
    expect(createLoginItem(mac.app, 'darwin')?.get()).toBe(true);
  });

  it('recognises a start at login by wasOpenedAtLogin, so it opens to the tray', () => {
    expect(startedByLoginItem(fakeMac(true).app, 'darwin', ['/Applications/Stillroom.app'])).toBe(true);
    expect(startedByLoginItem(fakeMac(false).app, 'darwin', ['/Applications/Stillroom.app'])).toBe(false);
  });
});

describe('launch at login on Linux', () => {
  it('is not offered (Electron has no login items there), and a normal start shows the window', () => {
    const { app } = fakeMac(true);
    expect(createLoginItem(app, 'linux')).toBeUndefined();
    expect(startedByLoginItem(app, 'linux', ['/opt/Stillroom/stillroom'])).toBe(false);
  });

  it('reads and writes only what each platform understands', () => {
    expect(loginItemWrite('win32', false)).toEqual({ openAtLogin: false, args: [HIDDEN_ARG] });
    expect(loginItemQuery('win32')).toEqual({ args: [HIDDEN_ARG] });
    expect(loginItemQuery('darwin')).toEqual({});
  });
});
