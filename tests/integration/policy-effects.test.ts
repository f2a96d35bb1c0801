import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeychainProtector } from '../../src-main/core/vault/key-protector';
import { createAppServices } from '../../src-main/infra/app-services';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';
import { TEST_SCRYPT } from '../helpers/vault-harness';

/** The OS keychain is the one part faked here: it belongs to the operating system. */
const fakeKeychain: KeychainProtector = {
  kind: 'keychain',
  availability: () => ({ available: true, backend: 'gnome_libsecret' }),
  wrap: async (key) => ({ kind: 'keychain', wrapped: Buffer.from(key).toString('base64') }),
  unwrap: async (wrapped) => Buffer.from(String(wrapped.wrapped), 'base64'),
};

function servicesWithPolicy(policy: object | undefined) {
  const dataDir = tempDir('stillroom-policy-effects-');
  const policyPath = join(dataDir, 'policy.json');
  if (policy) writeFileSync(policyPath, JSON.stringify(policy));
  return createAppServices({
    dataDir,
    contentDir: join(projectRoot, 'content'),
    info: () => ({ name: 'Stillroom', version: '0', host: 'electron', platform: 'linux', dataDir }),
    settingsStore: createConfSettingsStore(dataDir),
    keychain: fakeKeychain,
    emit: () => {},
    env: { STILLROOM_POLICY: policyPath },
    vaultOverrides: { scrypt: TEST_SCRYPT },
  });
}

describe('policy defaults and enforced settings', () => {
  it('without a policy: system theme, 15-minute auto-lock, keychain offered', async () => {
    const { dispatch } = servicesWithPolicy(undefined);
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { theme: 'system' } });
    const status = await dispatch('vault.status', {});
    expect(status).toMatchObject({ ok: true, value: { autoLockMinutes: 15, keychain: { available: true } } });
  });

  it('pre-seeds theme and auto-lock, which the user can still change', async () => {
    const { dispatch } = servicesWithPolicy({
      format: 1,
      organisation: { name: 'Acme' },
      defaults: { theme: 'dark', autoLockMinutes: 5 },
    });
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(await dispatch('vault.create', { passphrase: 'policy defaults test' })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { autoLockMinutes: 5 } });
    expect(await dispatch('vault.setAutoLock', { minutes: 30 })).toMatchObject({
      value: { autoLockMinutes: 30 },
    });
    expect(await dispatch('settings.update', { theme: 'light' })).toEqual({
      ok: true,
      value: { theme: 'light' },
    });
  });

  it('an enforced "no keychain" removes the keychain from setup and from Settings', async () => {
    const { dispatch } = servicesWithPolicy({
      format: 1,
      organisation: { name: 'Acme' },
      enforced: { keychainAllowed: false },
    });
    expect(await dispatch('vault.status', {})).toMatchObject({ value: { keychain: { available: false } } });
    await dispatch('vault.create', { passphrase: 'no keychain here', useKeychain: true });
    expect(await dispatch('vault.status', {})).toMatchObject({
      value: { state: 'unlocked', keychain: { available: false, enrolled: false } },
    });
    expect(await dispatch('vault.setKeychain', { enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('an invalid policy changes nothing', async () => {
    const { dispatch } = servicesWithPolicy({
      format: 1,
      organisation: { name: 'Acme' },
      defaults: { theme: 'neon' },
    });
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { theme: 'system' } });
    expect(await dispatch('policy.get', {})).toMatchObject({ ok: true, value: { state: 'invalid' } });
  });
});
