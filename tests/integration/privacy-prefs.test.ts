import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-main/contract';
import { reopenableVault } from '../helpers/reopenable-vault';

/** A real encrypted vault; every privacy.changed the handlers send is kept in `changes`. */
async function vaultIn() {
  const changes: EventPayload<'privacy.changed'>[] = [];
  const vault = await reopenableVault('stillroom-privacy-', {
    onPrivacyChanged: (change) => changes.push(change),
  });
  return { ...vault, changes };
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
