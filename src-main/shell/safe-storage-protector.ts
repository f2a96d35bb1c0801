import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { KeychainAvailability, KeychainProtector } from '../core/vault/key-protector';

const wrappedSchema = z.object({ kind: z.literal('keychain'), wrapped: z.string() });

/** The part of Electron's safeStorage used here: the async calls (Electron 42+) and the backend name. */
export type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/** Backends that are not a keychain: `basic_text` is a hard-coded password; `unknown` means not ready. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

function backendName(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): string {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
  return platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : platform;
}

/**
 * The OS keychain through Electron's async safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret or KWallet on Linux). The synchronous calls are deprecated since Electron 42; the
 * async encryptor starts lazily, so this asks it once, after `ready`, and the vault's
 * synchronous `availability()` reads the latest answer. Linux's `basic_text` backend counts as
 * unavailable, and each wrap checks again rather than trusting the answer from start-up.
 */
export async function createSafeStorageProtector(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform,
): Promise<KeychainProtector> {
  const probe = async (): Promise<KeychainAvailability> => {
    const backend = backendName(safeStorage, platform);
    const available = !NOT_A_KEYCHAIN.has(backend) && (await safeStorage.isAsyncEncryptionAvailable());
    return { available, backend };
  };
  let known = await probe();
  return {
    kind: 'keychain',
    availability() {
      // A Linux keyring unlocked after start-up becomes usable: look again, answer from the last look.
      probe().then(
        (next) => (known = next),
        () => undefined,
      );
      return known;
    },
    async wrap(key) {
      known = await probe();
      if (!known.available) throw new Error(`The system keychain is not available (${known.backend}).`);
      const wrapped = await safeStorage.encryptStringAsync(Buffer.from(key).toString('base64'));
      return { kind: 'keychain', wrapped: wrapped.toString('base64') };
    },
    async unwrap(wrappedKey) {
      const { wrapped } = wrappedSchema.parse(wrappedKey);
      // `shouldReEncrypt` says the OS rotated its key; the old wrapping still opens, so the key is
      // returned as is and is wrapped afresh the next time the keychain is switched on.
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(wrapped, 'base64'));
      return Buffer.from(result, 'base64');
    },
  };
}
