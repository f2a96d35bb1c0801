import type { Clock } from '../clock';

/** Tries allowed without any wait: people mistype. */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 60_000;

/** Gentle rate limiting: after 3 wrong tries, wait 1 s, then 2 s, 4 s … at most a minute. */
export function retryDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

/** The count and the wait, kept across restarts (numbers only: nothing anyone typed). */
export interface AttemptRecord {
  failures: number;
  notBefore: number;
}

export interface AttemptStore {
  read(): AttemptRecord | undefined;
  write(record: AttemptRecord): void;
}

export type UnlockThrottle = ReturnType<typeof createUnlockThrottle>;

export function createUnlockThrottle(clock: Clock, store?: AttemptStore) {
  let record: AttemptRecord = store?.read() ?? { failures: 0, notBefore: 0 };
  /** What the store holds, so a right first try writes nothing. */
  let stored = { ...record };

  function persist(): void {
    if (record.failures === stored.failures && record.notBefore === stored.notBefore) return;
    stored = { ...record };
    store?.write(stored);
  }

  return {
    /**
     * Milliseconds until the next attempt is allowed (0 = now). Never more than the longest
     * wait, so a clock set back cannot lock anyone out for longer.
     */
    waitMs(): number {
      return Math.min(MAX_DELAY_MS, Math.max(0, record.notBefore - clock.now()));
    },
    /**
     * Counts an attempt as wrong before it is checked. Checking takes time (scrypt), and tries
     * sent meanwhile must already see it; `wrong`, `succeeded` or `refund` settles it. It is
     * kept on disk once its answer is known: a try stopped by a restart taught nobody anything.
     */
    reserve(): void {
      const failures = record.failures + 1;
      record = { failures, notBefore: clock.now() + retryDelayMs(failures) };
    },
    wrong(): void {
      persist();
    },
    succeeded(): void {
      record = { failures: 0, notBefore: 0 };
      persist();
    },
    /** The attempt never reached the secret (a damaged key, a full disk): it does not count. */
    refund(): void {
      const failures = Math.max(0, record.failures - 1);
      record = { failures, notBefore: failures > 0 ? record.notBefore : 0 };
    },
  };
}
