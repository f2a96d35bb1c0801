/**
 * The tray menu as plain data, so what it offers in each state is tested under Node; tray.ts
 * turns it into Electron's Menu. Pausing from the tray is "until tomorrow": a holiday pause with
 * a chosen date lives in Reminders.
 */
export type TrayAction = 'open' | 'quick-session' | 'pause' | 'resume' | 'lock' | 'quit';

export interface TrayItem {
  action: TrayAction;
  label: string;
  enabled: boolean;
}

export interface TrayState {
  locked: boolean;
  /** The day reminders resume ("YYYY-MM-DD"), or null when they are not paused. */
  pausedUntil: string | null;
}

export function trayMenu(state: TrayState): (TrayItem | 'separator')[] {
  return [
    { action: 'open', label: 'Open Stillroom', enabled: true },
    // A session needs the vault open; the item opens Stillroom to unlock first when it is not.
    { action: 'quick-session', label: 'Start a quick session', enabled: true },
    'separator',
    state.pausedUntil
      ? { action: 'resume', label: 'Resume reminders', enabled: !state.locked }
      : { action: 'pause', label: 'Pause reminders until tomorrow', enabled: !state.locked },
    { action: 'lock', label: 'Lock Stillroom', enabled: !state.locked },
    'separator',
    { action: 'quit', label: 'Quit Stillroom', enabled: true },
  ];
}

/** Calls after which the tray's state (locked, paused) may have changed, so it is read again. */
const CHANGES_TRAY = new Set<string>([
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.recover',
  'vault.restore',
  'reminders.setPreferences',
]);

export function changesTray(call: unknown): boolean {
  return typeof call === 'string' && CHANGES_TRAY.has(call);
}

/** The tooltip says no more than the app's name and whether reminders are paused. */
export function trayTooltip(state: TrayState): string {
  return state.pausedUntil ? 'Stillroom: reminders paused' : 'Stillroom';
}
