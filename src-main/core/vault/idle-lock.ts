/** Whether the vault should lock now, given the last sign of the user and their chosen idle time. */
export function idleLockDue(lastActivityMs: number, nowMs: number, autoLockMinutes: number): boolean {
  if (autoLockMinutes <= 0) return false;
  return nowMs - lastActivityMs >= autoLockMinutes * 60_000;
}

/** What Electron's `powerMonitor.getSystemIdleState()` reports. */
export type SystemIdleState = 'active' | 'idle' | 'locked' | 'unknown';

/**
 * How the shell learns that the screen was locked. Windows and macOS send `lock-screen`; Linux
 * never does, so there the shell asks the system's idle state every few seconds and treats
 * `locked` (which Chromium reads from the desktop's screen saver where it reports one) as the
 * screen lock. Where a Linux desktop reports nothing, the idle time still locks the vault.
 */
export function screenLockSource(platform: string): 'event' | 'poll' {
  return platform === 'linux' ? 'poll' : 'event';
}

/**
 * Whether a polled sample means "lock now", and why. The screen lock counts once, as it starts;
 * system idle time past the chosen auto-lock minutes locks too: it covers a desktop that hides
 * its lock from Chromium, measured by the system rather than by Stillroom's own window.
 */
export function systemLockDue(
  previous: SystemIdleState | undefined,
  sample: { state: SystemIdleState; idleSeconds: number },
  autoLockMinutes: number,
): 'screen' | 'idle' | undefined {
  if (sample.state === 'locked' && previous !== 'locked') return 'screen';
  if (autoLockMinutes > 0 && sample.idleSeconds >= autoLockMinutes * 60) return 'idle';
  return undefined;
}
