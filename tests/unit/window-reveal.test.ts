import { describe, expect, it } from 'vitest';
import { revealSteps, revealWindow } from '../../src-main/shell/window-reveal';

/** A window as the OS keeps it: visible or hidden, minimised or not, and what was done to it. */
function fakeWindow(state: { visible: boolean; minimized?: boolean; destroyed?: boolean }) {
  const calls: string[] = [];
  const window = {
    calls,
    isVisible: () => state.visible,
    isDestroyed: () => state.destroyed === true,
    isMinimized: () => state.minimized === true,
    restore: () => {
      calls.push('restore');
      state.minimized = false;
    },
    show: () => {
      calls.push('show');
      state.visible = true;
    },
    // Electron documents focus() on a hidden window as doing nothing.
    focus: () => calls.push(state.visible ? 'focus' : 'focus (ignored: hidden)'),
  };
  return window;
}

describe('bringing the main window back (second start, Dock icon, tray, notification)', () => {
  it('shows a window that was closed to the tray, then focuses it', () => {
    const hidden = fakeWindow({ visible: false });
    expect(revealWindow(hidden, () => fakeWindow({ visible: true }))).toBe(hidden);
    expect(hidden.isVisible()).toBe(true);
    expect(hidden.calls).toEqual(['show', 'focus']);
  });

  it('restores a minimised window before showing and focusing it', () => {
    const minimised = fakeWindow({ visible: true, minimized: true });
    revealWindow(minimised, () => fakeWindow({ visible: true }));
    expect(minimised.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('makes a new window when there is none or it was destroyed', () => {
    const made = fakeWindow({ visible: false });
    expect(revealWindow(undefined, () => made)).toBe(made);
    const gone = fakeWindow({ visible: false, destroyed: true });
    expect(revealWindow(gone, () => made)).toBe(made);
    expect(gone.calls).toEqual([]);
  });

  it('decides from the state alone', () => {
    expect(revealSteps(undefined)).toEqual(['create']);
    expect(revealSteps({ destroyed: false, minimized: false })).toEqual(['show', 'focus']);
    expect(revealSteps({ destroyed: false, minimized: true })).toEqual(['restore', 'show', 'focus']);
  });
});
