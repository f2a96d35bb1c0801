import { describe, expect, it } from 'vitest';
import type { KeychainAvailability, KeychainProtector } from '../../src-main/core/vault/key-protector';
import { tempDir } from '../helpers/host-harness';
import { createTestVault } from '../helpers/vault-harness';

/**
 * The OS keychain is the operating system's: here it is a stand-in whose backend can change, as
 * it does when someone switches Linux desktop (libsecret → KWallet) or loses their keyring.
 */
function switchableKeychain(initial: KeychainAvailability) {
  let availability = initial;
  const secret = Buffer.from('0123456789abcdef0123456789abcdef');
  const keychain: KeychainProtector = {
    kind: 'keychain',
    availability: () => availability,
    wrap: async (key) => ({
      kind: 'keychain',
      wrapped: Buffer.from(key.map((byte, i) => byte ^ (secret[i] ?? 0))).toString('base64'),
    }),
    unwrap: async (wrapped) =>
      Buffer.from(Buffer.from(String(wrapped.wrapped), 'base64').map((byte, i) => byte ^ (secret[i] ?? 0))),
  };
  return { keychain, set: (next: KeychainAvailability) => (availability = next) };
}

describe('the OS keychain as a way in', () => {
  it('unlocks without a passphrase while its backend stays the same', async () => {
    const dir = tempDir();
    const { keychain } = switchableKeychain({ available: true, backend: 'gnome_libsecret' });
    const vault = createTestVault(dir, { keychain });
    await vault.create('keychain passphrase', true);
    vault.stressDiary().save({
      occurredAt: '2026-11-26T09:00:00Z',
      stress: 3,
      what: 'kept by the keychain',
      body: '',
      thoughts: '',
      actions: '',
    });
    vault.lock('manual');
    const status = vault.status();
    expect(status.keychain).toEqual({ available: true, enrolled: true, backend: 'gnome_libsecret' });
    expect(status.unlockMethods).toContain('keychain');
    expect((await vault.unlock({ method: 'keychain' })).state).toBe('unlocked');
    expect(vault.stressDiary().list({ limit: 5 }).entries[0]?.what).toBe('kept by the keychain');
  });

  it('notices a changed backend, explains it, and keeps the passphrase working', async () => {
    const dir = tempDir();
    const { keychain, set } = switchableKeychain({ available: true, backend: 'gnome_libsecret' });
    const vault = createTestVault(dir, { keychain });
    await vault.create('keychain passphrase', true);
    vault.lock('manual');

    set({ available: true, backend: 'kwallet6' });
    const changed = createTestVault(dir, { keychain }).status();
    expect(changed.state).toBe('locked');
    expect(changed.problem?.code).toBe('keychain_changed');
    expect(changed.problem?.message).toMatch(/gnome_libsecret.*kwallet6/);
    expect(changed.unlockMethods).not.toContain('keychain');

    const reopened = createTestVault(dir, { keychain });
    await expect(reopened.unlock({ method: 'keychain' })).rejects.toMatchObject({ code: 'unavailable' });
    expect((await reopened.unlock({ method: 'passphrase', passphrase: 'keychain passphrase' })).state).toBe(
      'unlocked',
    );
    // Turning the keychain on again records the new backend.
    expect((await reopened.setKeychain(true)).keychain).toEqual({
      available: true,
      enrolled: true,
      backend: 'kwallet6',
    });
  });

  it('treats a keychain that disappeared (basic_text or none) as changed', async () => {
    const dir = tempDir();
    const { keychain, set } = switchableKeychain({ available: true, backend: 'kwallet5' });
    await createTestVault(dir, { keychain }).create('keychain passphrase', true);
    set({ available: false, backend: 'basic_text' });
    const status = createTestVault(dir, { keychain }).status();
    expect(status.problem?.code).toBe('keychain_changed');
    expect(status.problem?.message).toMatch(/now unavailable/);
  });

  it('can be turned off, leaving only the passphrase and recovery code', async () => {
    const dir = tempDir();
    const { keychain } = switchableKeychain({ available: true, backend: 'keychain' });
    const vault = createTestVault(dir, { keychain });
    await vault.create('keychain passphrase', true);
    expect((await vault.setKeychain(false)).keychain.enrolled).toBe(false);
    vault.lock('manual');
    expect(vault.status().unlockMethods).toEqual(['passphrase', 'recovery']);
  });
});
