import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { KeychainProtector } from '../core/vault/key-protector';

const wrappedSchema = z.object({ kind: z.literal('keychain'), wrapped: z.string() });

/**
 * The OS keychain through Electron's safeStorage (Keychain on macOS, DPAPI on Windows, libsecret
 * or KWallet on Linux). Linux's `basic_text` backend is a hard-coded password, not a keychain, so
 * it counts as unavailable. Electron 41 offers only the synchronous calls; the port is async so a
 * later Electron's async safeStorage can slot in without touching the vault.
 */
export function createSafeStorageProtector(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform,
): KeychainProtector {
  function backend(): string {
    if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
    return platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : platform;
  }
  return {
    kind: 'keychain',
    availability() {
      const name = backend();
      const available = safeStorage.isEncryptionAvailable() && name !== 'basic_text' && name !== 'unknown';
      return { available, backend: name };
    },
    async wrap(key) {
      const wrapped = safeStorage.encryptString(Buffer.from(key).toString('base64'));
      return { kind: 'keychain', wrapped: wrapped.toString('base64') };
    },
    async unwrap(wrappedKey) {
      const { wrapped } = wrappedSchema.parse(wrappedKey);
      return Buffer.from(safeStorage.decryptString(Buffer.from(wrapped, 'base64')), 'base64');
    },
  };
}
