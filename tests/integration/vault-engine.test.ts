import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/host-harness';
import { createVaultApi, openVaultApi } from '../helpers/vault-api';
import { createTestVault } from '../helpers/vault-harness';

/**
 * The database engine is a native module. When it cannot load (built for another runtime, a
 * damaged install), that is not the user's data being damaged, and must not look like it.
 */
const PASSPHRASE = 'correct horse battery';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.restoreAllMocks();
});

/** A file where the native binding should be, which is not one: the loader really fails. */
function brokenBinding(): string {
  const path = join(tempDir('stillroom-engine-'), 'better_sqlite3.node');
  writeFileSync(path, 'this is not a native module');
  return path;
}

describe('a database engine that cannot load', () => {
  it('an existing vault: engine_unavailable with its own words and a log line, never the damaged-data screen', async () => {
    const { api, dataDir, clock } = openVaultApi('stillroom-engine-', cleanups);
    await api.value('vault.create', { passphrase: PASSPHRASE });
    api.vault.close();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const broken = createVaultApi(createTestVault(dataDir, { clock, nativeBinding: brokenBinding() }));
    cleanups.push(() => broken.vault.close());
    const status = await broken.value('vault.status', {});
    expect(status.state).toBe('problem');
    expect(status.problem?.code).toBe('engine_unavailable');
    expect(status.problem?.message).toMatch(/nothing .*(changed|touched)/i);
    expect(status.problem?.message).not.toMatch(/damaged/i);

    const unlock = await broken.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const after = await broken.value('vault.status', {});
    expect(unlock.ok ? unlock.value.problem?.code : unlock.error.code).not.toBe('database_unreadable');
    expect(after.problem?.code).toBe('engine_unavailable');
    expect(broken.internalErrors).toEqual([]);
    const lines = logged.mock.calls.map((call) => call.join(' '));
    expect(lines.some((line) => line.includes('the database engine could not load'))).toBe(true);
    expect(lines.join('\n')).not.toContain(PASSPHRASE);
  });

  it('a new data folder: the same problem instead of setup, and create is refused clearly', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dataDir = tempDir('stillroom-engine-');
    const broken = createVaultApi(createTestVault(dataDir, { nativeBinding: brokenBinding() }));
    cleanups.push(() => broken.vault.close());

    expect((await broken.value('vault.status', {})).problem?.code).toBe('engine_unavailable');
    const refused = await broken.error('vault.create', { passphrase: PASSPHRASE, useKeychain: false });
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toMatch(/database engine/i);
    expect(broken.internalErrors).toEqual([]);
  });
});
