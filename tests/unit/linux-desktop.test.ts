import { describe, expect, it } from 'vitest';
import { screenLockSource, systemLockDue } from '../../src-main/core/vault/idle-lock';
import {
  isWaylandSession,
  PORTAL_FEATURE,
  privacyKeyUnavailableNotice,
  withPortalFeature,
} from '../../src-main/shell/wayland-shortcuts';

describe('locking on Linux, where lock-screen never fires', () => {
  it('polls the system on Linux and listens for the event on Windows and macOS', () => {
    expect(screenLockSource('linux')).toBe('poll');
    expect(screenLockSource('win32')).toBe('event');
    expect(screenLockSource('darwin')).toBe('event');
  });

  it('locks once as the desktop reports the screen locked', () => {
    expect(systemLockDue('active', { state: 'locked', idleSeconds: 3 }, 5)).toBe('screen');
    expect(systemLockDue(undefined, { state: 'locked', idleSeconds: 0 }, 0)).toBe('screen');
    expect(systemLockDue('locked', { state: 'locked', idleSeconds: 10 }, 5)).toBeUndefined();
  });

  it('locks after the chosen minutes of system idle time, where the desktop hides its lock', () => {
    expect(systemLockDue('idle', { state: 'idle', idleSeconds: 5 * 60 }, 5)).toBe('idle');
    expect(systemLockDue('active', { state: 'unknown', idleSeconds: 5 * 60 + 1 }, 5)).toBe('idle');
    expect(systemLockDue('active', { state: 'active', idleSeconds: 5 * 60 - 1 }, 5)).toBeUndefined();
  });

  it('never locks from idle time when auto-lock is off', () => {
    expect(systemLockDue('idle', { state: 'idle', idleSeconds: 86_400 }, 0)).toBeUndefined();
  });
});

describe('the privacy key under Wayland', () => {
  it('recognises a Wayland session on Linux only', () => {
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11' })).toBe(false);
    expect(isWaylandSession('darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
  });

  it('asks for the portal without dropping features given on the command line (Chromium reads only the last switch)', () => {
    expect(withPortalFeature('')).toBe(PORTAL_FEATURE);
    expect(withPortalFeature('WaylandWindowDecorations')).toBe(`WaylandWindowDecorations,${PORTAL_FEATURE}`);
    expect(withPortalFeature(`A, ${PORTAL_FEATURE}`)).toBe(`A,${PORTAL_FEATURE}`);
  });

  it('says where the key still works when no global key could be had', () => {
    expect(privacyKeyUnavailableNotice('Control+Shift+Space', true)).toMatch(
      /works while the room is in front/,
    );
    expect(privacyKeyUnavailableNotice('Control+Shift+Space', false)).toMatch(/taken by another app/);
  });
});
