import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { VaultService } from '../../src-main/core/vault/vault-service';
import { tempDir } from './host-harness';
import { createVaultApi } from './vault-api';
import { createTestVault, fakeClock } from './vault-harness';

export const REOPENABLE_PASSPHRASE = 'correct horse battery';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/**
 * A real encrypted vault in its own folder, created with a passphrase; `reopen` closes it (as a
 * crash or a quit would) and unlocks it again from the same files. Closed and removed after each
 * test. `extra` goes to every Api built on it (an event listener, say).
 */
export async function reopenableVault(prefix: string, extra: Parameters<typeof createVaultApi>[2] = {}) {
  const dataDir = tempDir(prefix);
  const clock = fakeClock();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  let vault: VaultService = createTestVault(dataDir, { clock });
  let api = createVaultApi(vault, clock, extra);
  cleanups.push(() => vault.close());
  await api.value('vault.create', { passphrase: REOPENABLE_PASSPHRASE });
  return {
    clock,
    dataDir,
    api: () => api,
    async reopen() {
      vault.close();
      vault = createTestVault(dataDir, { clock });
      api = createVaultApi(vault, clock, extra);
      await api.value('vault.unlock', { method: 'passphrase', passphrase: REOPENABLE_PASSPHRASE });
    },
  };
}
