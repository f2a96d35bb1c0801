import type { Clock } from '../../src-main/core/clock';
import { createVault, type VaultOptions } from '../../src-main/infra/vault/vault';
import type { ScryptParams } from '../../src-main/infra/vault/scrypt-protector';

/**
 * Real scrypt with a smaller work factor, so tests that unlock many times stay quick. The
 * parameters are stored with each wrapped key exactly as in production; only N differs.
 */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

export function fakeClock(
  start = Date.parse('2026-11-26T09:00:00Z'),
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

export function createTestVault(dataDir: string, overrides: Partial<VaultOptions> = {}) {
  return createVault({ dataDir, clock: overrides.clock ?? fakeClock(), scrypt: TEST_SCRYPT, ...overrides });
}
