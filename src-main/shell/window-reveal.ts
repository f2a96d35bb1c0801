import type { BrowserWindow } from 'electron';

export type RevealStep = 'create' | 'restore' | 'show' | 'focus';

/** What bringing Stillroom's window to the front takes, from the state the window is in. */
export interface WindowState {
  destroyed: boolean;
  minimized: boolean;
}

/**
 * Closing the main window only hides it (Stillroom stays in the tray for reminders), and Electron
 * documents `focus()` on a hidden window as doing nothing. So a second start, a click on the Dock
 * icon, the tray or a notification must show the window, restore it when minimised, then focus
 * it; with no window, one is made, and it shows itself once its page is ready.
 */
export function revealSteps(window: WindowState | undefined): RevealStep[] {
  if (!window || window.destroyed) return ['create'];
  return window.minimized ? ['restore', 'show', 'focus'] : ['show', 'focus'];
}

type RevealableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

/** Brings the window forward; returns the window in use (a new one when there was none). */
export function revealWindow<W extends RevealableWindow>(window: W | undefined, create: () => W): W {
  const steps = revealSteps(
    window && { destroyed: window.isDestroyed(), minimized: !window.isDestroyed() && window.isMinimized() },
  );
  if (steps[0] === 'create' || !window) return create();
  for (const step of steps) {
    if (step === 'restore') window.restore();
    if (step === 'show') window.show();
    if (step === 'focus') window.focus();
  }
  return window;
}
