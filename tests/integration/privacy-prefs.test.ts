import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-main/contract';
import type { VaultService } from '../../src-main/core/vault/vault-service';
import { tempDir } from '../helpers/host-harness';
import { createVaultApi } from '../helpers/vault-api';
import { createTestVault, fakeClock } from '../helpers/vault-harness';

const PASSPHRASE = 'correct horse battery';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A real encrypted vault; every privacy.changed the handlers send is kept in `changes`. */
async function vaultIn() {
  const dataDir = tempDir('stillroom-privacy-');
  const clock = fakeClock();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const changes: EventPayload<'privacy.changed'>[] = [];
  const open = (vault: VaultService) =>
    createVaultApi(vault, clock, { onPrivacyChanged: (change) => changes.push(change) });
  let vault = createTestVault(dataDir, { clock });
  let api = open(vault);
  cleanups.push(() => vault.close());
  await api.value('vault.create', { passphrase: PASSPHRASE });
  return {
    changes,
    api: () => api,
    async reopen() {
      vault.close();
      vault = createTestVault(dataDir, { clock });
      api = open(vault);
      await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    },
  };
}

describe('privacy on screen', () => {
  it('keeps "soften what is on screen" off until chosen, then in the vault across a restart', async () => {
    const { api, reopen } = await vaultIn();
    expect(await api().value('privacy.getPrefs', {})).toEqual({ softenScreen: false });
    expect(await api().value('privacy.setPrefs', { softenScreen: true })).toEqual({ softenScreen: true });
    await reopen();
    expect(await api().value('privacy.getPrefs', {})).toEqual({ softenScreen: true });
  });

  it('tells every window when the soften setting or the privacy key changes', async () => {
    const { api, changes } = await vaultIn();
    await api().value('privacy.setPrefs', { softenScreen: true });
    await api().value('rooms.setPrefs', { privacyKey: 'Ctrl+Alt+J' });
    expect(changes).toEqual([
      { privacyKey: 'Ctrl+Shift+Space', softenScreen: true },
      { privacyKey: 'Ctrl+Alt+J', softenScreen: true },
    ]);
    // A refused key changes nothing, so nothing is announced.
    await api().error('rooms.setPrefs', { privacyKey: 'Ctrl+C' });
    expect(changes).toHaveLength(2);
  });

  it('refuses a malformed setting and answers nothing while locked', async () => {
    const { api } = await vaultIn();
    expect(await api().error('privacy.setPrefs', { softenScreen: 'yes' } as never)).toMatchObject({
      code: 'invalid_input',
    });
    await api().value('vault.lock', {});
    expect(await api().error('privacy.getPrefs', {})).toMatchObject({ code: 'locked' });
  });
});
