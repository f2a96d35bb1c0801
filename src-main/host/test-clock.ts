import { readFileSync } from 'node:fs';
import type { Clock } from '../core/clock';
import { systemClock } from '../infra/system-clock';

/**
 * The browser host's clock. With `STILLROOM_TEST_CLOCK_FILE` set (end-to-end tests only), the time
 * is whatever ISO instant that file holds when asked, so a test can move days ahead without
 * waiting; otherwise the real time. The browser host is never shipped, so neither is this.
 */
export function hostClock(env: NodeJS.ProcessEnv): Clock {
  const file = env.STILLROOM_TEST_CLOCK_FILE;
  if (!file) return systemClock;
  return {
    now() {
      try {
        const time = Date.parse(readFileSync(file, 'utf8').trim());
        return Number.isNaN(time) ? systemClock.now() : time;
      } catch {
        return systemClock.now();
      }
    },
  };
}
