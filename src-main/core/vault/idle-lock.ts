/** Whether the vault should lock now, given the last sign of the user and their chosen idle time. */
export function idleLockDue(lastActivityMs: number, nowMs: number, autoLockMinutes: number): boolean {
  if (autoLockMinutes <= 0) return false;
  return nowMs - lastActivityMs >= autoLockMinutes * 60_000;
}
