import type { VaultStatus } from '../../contract';
import { findProtector, type Keyring } from './keyring-file';
import type { Problem, VaultFiles } from './vault-files';
import type { VaultKeys } from './vault-keys';
import type { VaultSession } from './vault-session';

function keychainChangedProblem(keyring: Keyring, keychain: ReturnType<VaultKeys['keychainState']>): Problem {
  const now = keychain.availability.available ? (keychain.availability.backend ?? 'unknown') : 'unavailable';
  return {
    code: 'keychain_changed',
    message: `Your system keychain has changed (it was ${keyring.keychainBackend ?? 'unknown'}, now ${now}), so Stillroom cannot open by itself. Use your passphrase; you can turn the keychain on again in Settings.`,
  };
}

/** What the page is told about the vault: new, locked, unlocked or a problem, and how to open it. */
export function vaultStatus(files: VaultFiles, keys: VaultKeys, session: VaultSession): VaultStatus {
  const base = { retryAfterMs: keys.retryAfterMs(), autoLockMinutes: session.autoLockMinutes() };
  const found = files.read();
  if ('none' in found) {
    return {
      ...base,
      state: 'new',
      unlockMethods: [],
      keychain: { available: keys.keychainState().availability.available, enrolled: false },
    };
  }
  if ('problem' in found) {
    return {
      ...base,
      state: 'problem',
      problem: found.problem,
      unlockMethods: [],
      keychain: { available: false, enrolled: false },
    };
  }
  const { keyring } = found;
  const keychain = keys.keychainState(keyring);
  const keychainInfo = {
    available: keychain.availability.available,
    enrolled: keychain.enrolled,
    backend: keychain.availability.backend,
  };
  if (session.isOpen()) return { ...base, state: 'unlocked', unlockMethods: [], keychain: keychainInfo };
  const unlockMethods: VaultStatus['unlockMethods'] = [];
  if (findProtector(keyring, 'passphrase')) unlockMethods.push('passphrase');
  if (keychain.enrolled && !keychain.changed) unlockMethods.push('keychain');
  if (findProtector(keyring, 'recovery')) unlockMethods.push('recovery');
  const openProblem = session.problem();
  if (openProblem) {
    return { ...base, state: 'problem', problem: openProblem, unlockMethods, keychain: keychainInfo };
  }
  const problem = keychain.changed ? keychainChangedProblem(keyring, keychain) : undefined;
  return { ...base, state: 'locked', problem, unlockMethods, keychain: keychainInfo };
}
