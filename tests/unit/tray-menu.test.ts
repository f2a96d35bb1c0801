import { describe, expect, it } from 'vitest';
import { changesTray, trayMenu, trayTooltip } from '../../src-main/shell/tray-menu';

const actions = (state: Parameters<typeof trayMenu>[0]) =>
  trayMenu(state).map((item) =>
    item === 'separator' ? '—' : `${item.action}${item.enabled ? '' : ' (off)'}`,
  );

describe('the tray menu', () => {
  it('unlocked: open, quick session, pause, lock, quit', () => {
    expect(actions({ locked: false, pausedUntil: null })).toEqual([
      'open',
      'quick-session',
      '—',
      'pause',
      'lock',
      '—',
      'quit',
    ]);
  });

  it('paused: offers to resume instead, and the tooltip says so without saying anything else', () => {
    expect(actions({ locked: false, pausedUntil: '2026-12-01' })).toContain('resume');
    expect(trayTooltip({ locked: false, pausedUntil: '2026-12-01' })).toBe('Stillroom: reminders paused');
    expect(trayTooltip({ locked: true, pausedUntil: null })).toBe('Stillroom');
  });

  it('locked: pausing and locking wait for the unlock (the rules are encrypted); open and quit always work', () => {
    expect(actions({ locked: true, pausedUntil: null })).toEqual([
      'open',
      'quick-session',
      '—',
      'pause (off)',
      'lock (off)',
      '—',
      'quit',
    ]);
  });
});

describe('when the tray reads its state again', () => {
  it("after a call that can lock, unlock or pause, and not after reads or the page's activity pings", () => {
    for (const call of ['vault.unlock', 'vault.lock', 'vault.restore', 'reminders.setPreferences'])
      expect(changesTray(call), call).toBe(true);
    for (const call of ['vault.status', 'reminders.get', 'diary.save', 'vault.nope', 42, undefined])
      expect(changesTray(call), String(call)).toBe(false);
  });
});
