import type { Clock } from '../clock';

/** Tries allowed without any wait: people mistype. */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 60_000;

/** Gentle rate limiting: after 3 wrong tries, wait 1 s, then 2 s, 4 s … at most a minute. */
export function retryDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export function createUnlockThrottle(clock: Clock) {
  let failures = 0;
  let notBefore = 0;
  return {
    /** Milliseconds until the next attempt is allowed (0 = now). */
    waitMs(): number {
      return Math.max(0, notBefore - clock.now());
    },
    failed(): void {
      failures += 1;
      notBefore = clock.now() + retryDelayMs(failures);
    },
    succeeded(): void {
      failures = 0;
      notBefore = 0;
    },
  };
}
