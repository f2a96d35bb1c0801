import { describe, expect, it } from 'vitest';
import {
  createSafeStorageProtector,
  type AsyncSafeStorage,
} from '../../src-main/shell/safe-storage-protector';

type Backend = ReturnType<AsyncSafeStorage['getSelectedStorageBackend']>;

/**
 * The OS keychain is the operating system's, so it is the one thing faked: an encryptor that only
 * answers the async calls. The deprecated synchronous ones throw, as a reminder that Electron 45
 * wants them gone.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend } = {}) {
  const calls: string[] = [];
  const deprecated = (name: string) => () => {
    throw new Error(`${name} is deprecated: use the async safeStorage API`);
  };
  const storage = {
    isEncryptionAvailable: deprecated('isEncryptionAvailable'),
    encryptString: deprecated('encryptString'),
    decryptString: deprecated('decryptString'),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    isAsyncEncryptionAvailable: async () => {
      calls.push('isAsyncEncryptionAvailable');
      return options.available ?? true;
    },
    encryptStringAsync: async (plain: string) => {
      calls.push('encryptStringAsync');
      return Buffer.from(`sealed:${[...plain].reverse().join('')}`);
    },
    decryptStringAsync: async (sealed: Buffer) => {
      calls.push('decryptStringAsync');
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('not ours');
      return { result: [...text.slice('sealed:'.length)].reverse().join(''), shouldReEncrypt: false };
    },
  };
  return { storage: storage as unknown as AsyncSafeStorage, calls };
}

const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) % 256);

describe('the keychain protector (async safeStorage)', () => {
  it('wraps and unwraps the vault key through the async calls only', async () => {
    const { storage, calls } = fakeSafeStorage();
    const protector = await createSafeStorageProtector(storage, 'linux');
    expect(protector.availability()).toEqual({ available: true, backend: 'gnome_libsecret' });
    const wrapped = await protector.wrap(key, undefined);
    expect(wrapped.kind).toBe('keychain');
    expect(JSON.stringify(wrapped)).not.toContain(Buffer.from(key).toString('base64'));
    expect(Buffer.from(await protector.unwrap(wrapped, undefined))).toEqual(Buffer.from(key));
    expect(calls).toContain('encryptStringAsync');
    expect(calls).toContain('decryptStringAsync');
  });

  it("counts Linux's basic_text backend (a hard-coded password) as no keychain, and refuses to wrap with it", async () => {
    const { storage } = fakeSafeStorage({ backend: 'basic_text' });
    const protector = await createSafeStorageProtector(storage, 'linux');
    expect(protector.availability()).toEqual({ available: false, backend: 'basic_text' });
    await expect(protector.wrap(key, undefined)).rejects.toThrow(/not available/);
  });

  it('reports an encryptor that is not available, and names the backend on each platform', async () => {
    expect(
      (
        await createSafeStorageProtector(fakeSafeStorage({ available: false }).storage, 'darwin')
      ).availability(),
    ).toEqual({
      available: false,
      backend: 'keychain',
    });
    expect((await createSafeStorageProtector(fakeSafeStorage().storage, 'win32')).availability()).toEqual({
      available: true,
      backend: 'dpapi',
    });
  });

  it('rejects a wrapped key of the wrong shape rather than handing the OS garbage', async () => {
    const protector = await createSafeStorageProtector(fakeSafeStorage().storage, 'darwin');
    await expect(protector.unwrap({ kind: 'keychain', wrapped: 42 }, undefined)).rejects.toThrow();
  });
});
