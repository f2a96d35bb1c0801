import type { App, LoginItemSettingsOptions, Settings } from 'electron';
import type { LoginItem } from '../core/reminders/reminder-handlers';

/** Passed by the Windows login item, so a start at login opens to the tray, not a window. */
export const HIDDEN_ARG = '--hidden';

export type LoginItemApp = Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;

/**
 * What is written. Windows starts the executable with `args`; macOS ignores them (and ignores
 * `openAsHidden` since macOS 13, which Electron 45 no longer even accepts), so there the start at
 * login is recognised by `wasOpenedAtLogin` instead.
 */
export function loginItemWrite(platform: NodeJS.Platform, enabled: boolean): Settings {
  return platform === 'win32' ? { openAtLogin: enabled, args: [HIDDEN_ARG] } : { openAtLogin: enabled };
}

/**
 * What it is read back with. Windows reports `openAtLogin` only for a Run entry with exactly the
 * `args` asked about (default none), so it must be asked with the ones it was written with.
 */
export function loginItemQuery(platform: NodeJS.Platform): LoginItemSettingsOptions {
  return platform === 'win32' ? { args: [HIDDEN_ARG] } : {};
}

/** Launch at login where Electron has login items (Windows and macOS; Linux uses autostart files). */
export function createLoginItem(app: LoginItemApp, platform: NodeJS.Platform): LoginItem | undefined {
  if (platform !== 'win32' && platform !== 'darwin') return undefined;
  return {
    get: () => app.getLoginItemSettings(loginItemQuery(platform)).openAtLogin,
    set: (enabled) => app.setLoginItemSettings(loginItemWrite(platform, enabled)),
  };
}

/** Started by the login item: on Windows it passes the argument; macOS says so itself. */
export function startedByLoginItem(
  app: Pick<App, 'getLoginItemSettings'>,
  platform: NodeJS.Platform,
  argv: readonly string[],
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
