import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiFailure } from '../../contract';
import type { Clock } from '../../core/clock';
import {
  DamagedKeyError,
  WrongSecretError,
  type KeychainProtector,
  type KeyProtector,
  type WrappedKey,
} from '../../core/vault/key-protector';
import { formatRecoveryCode, normaliseRecoveryCode } from '../../core/vault/recovery-code';
import { createUnlockThrottle, type UnlockThrottle } from '../../core/vault/unlock-throttle';
import { ATTEMPTS_FILE, createAttemptsFile } from './attempts-file';
import { findProtector, withProtector, type Keyring } from './keyring-file';
import { createScryptProtector, DEFAULT_SCRYPT, type ScryptParams } from './scrypt-protector';

export type VaultKeys = ReturnType<typeof createVaultKeys>;

const KEY_FILE_DAMAGED =
  'The key file (keyring.json) is damaged, so your data cannot be opened. Nothing has been deleted. Put back a good copy, or restore a backup.';

function rateLimited(wait: number): ApiFailure {
  return new ApiFailure('rate_limited', `Please wait ${Math.ceil(wait / 1000)} seconds before trying again.`);
}

/**
 * The same protector behind the rate limit: a try is counted before scrypt runs, so tries sent
 * at once cannot all be checked. Wrong secrets stay counted; anything else is refunded.
 */
export function throttled(protector: KeyProtector<string>, throttle: UnlockThrottle): KeyProtector<string> {
  return {
    kind: protector.kind,
    wrap: (key, secret) => protector.wrap(key, secret),
    async unwrap(wrapped, secret) {
      const wait = throttle.waitMs();
      if (wait > 0) throw rateLimited(wait);
      throttle.reserve();
      try {
        const key = await protector.unwrap(wrapped, secret);
        throttle.succeeded();
        return key;
      } catch (error) {
        if (error instanceof WrongSecretError) throttle.wrong();
        else throttle.refund();
        throw error;
      }
    },
  };
}

/**
 * The ways to the database key: passphrase, recovery code and the OS keychain, and the gentle
 * rate limit on the secrets a person types (kept in the data folder, so a restart keeps it).
 */
export function createVaultKeys(options: {
  dataDir: string;
  clock: Clock;
  scrypt?: ScryptParams;
  keychain?: KeychainProtector;
}) {
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  const passphrases = createScryptProtector('passphrase', params);
  const recoveries = createScryptProtector('recovery', params);
  const attempts = createAttemptsFile(join(options.dataDir, ATTEMPTS_FILE));
  const unlockThrottle = createUnlockThrottle(options.clock, attempts.store('unlock'));
  const restoreThrottle = createUnlockThrottle(options.clock, attempts.store('restore'));
  const throttledPassphrases = throttled(passphrases, unlockThrottle);
  const throttledRecoveries = throttled(recoveries, unlockThrottle);

  /** Unwraps with a person's secret; a wrong one becomes `wrong_secret` with `wrongMessage`. */
  async function unwrapWith(
    protector: KeyProtector<string>,
    wrapped: WrappedKey | undefined,
    secret: string,
    wrongMessage: string,
  ): Promise<Buffer> {
    if (!wrapped) throw new ApiFailure('not_found', 'This vault cannot be opened that way.');
    try {
      return Buffer.from(await protector.unwrap(wrapped, secret));
    } catch (error) {
      if (error instanceof WrongSecretError) throw new ApiFailure('wrong_secret', wrongMessage);
      if (error instanceof DamagedKeyError) throw new ApiFailure('unavailable', KEY_FILE_DAMAGED);
      throw error;
    }
  }

  async function newRecoveryProtector(key: Uint8Array) {
    const recoveryCode = formatRecoveryCode(randomBytes(16));
    const wrapped = await recoveries.wrap(key, normaliseRecoveryCode(recoveryCode) as string);
    return { recoveryCode, wrapped };
  }

  /** A keyring for a new key: the passphrase and a fresh recovery code (shown once). */
  async function newKeyring(
    key: Uint8Array,
    passphrase: string,
  ): Promise<{ keyring: Keyring; recoveryCode: string }> {
    const [wrappedPassphrase, recovery] = await Promise.all([
      passphrases.wrap(key, passphrase),
      newRecoveryProtector(key),
    ]);
    return {
      keyring: { format: 1, protectors: [wrappedPassphrase, recovery.wrapped] },
      recoveryCode: recovery.recoveryCode,
    };
  }

  function keychainState(keyring?: Keyring) {
    const availability = options.keychain?.availability() ?? { available: false };
    const enrolled = keyring ? findProtector(keyring, 'keychain') !== undefined : false;
    const changed =
      enrolled && (!availability.available || availability.backend !== keyring?.keychainBackend);
    return { availability, enrolled, changed };
  }

  return {
    /** Backups: their passphrase is throttled like an unlock, with its own count. */
    backupPassphrases: throttled(passphrases, restoreThrottle),
    keychainState,
    retryAfterMs: () => unlockThrottle.waitMs(),
    newKeyring,

    /** Whether every entry a person's secret opens is well formed and within the allowed work. */
    keyringAcceptable(keyring: Keyring): boolean {
      return keyring.protectors.every((entry) =>
        entry.kind === 'passphrase'
          ? passphrases.accepts(entry)
          : entry.kind === 'recovery'
            ? recoveries.accepts(entry)
            : true,
      );
    },

    /** The same keyring with the keychain also wrapping the key, when this host has one. */
    async withKeychain(keyring: Keyring, key: Uint8Array): Promise<Keyring> {
      const availability = options.keychain?.availability();
      if (!options.keychain || !availability?.available) {
        throw new ApiFailure(
          'unavailable',
          'No system keychain is available here, so your passphrase stays the way in.',
        );
      }
      return {
        ...withProtector(keyring, await options.keychain.wrap(key)),
        keychainBackend: availability.backend,
      };
    },

    withoutKeychain(keyring: Keyring): Keyring {
      const { keychainBackend: _dropped, ...rest } = keyring;
      return { ...rest, protectors: keyring.protectors.filter((p) => p.kind !== 'keychain') };
    },

    async unwrapWithKeychain(keyring: Keyring): Promise<Buffer> {
      const wrapped = findProtector(keyring, 'keychain');
      if (!options.keychain || !wrapped || keychainState(keyring).changed) {
        throw new ApiFailure(
          'unavailable',
          'The system keychain cannot open Stillroom here. Use your passphrase.',
        );
      }
      return Buffer.from(await options.keychain.unwrap(wrapped));
    },

    unwrapWithPassphrase(keyring: Keyring, passphrase: string, wrongMessage: string): Promise<Buffer> {
      return unwrapWith(throttledPassphrases, findProtector(keyring, 'passphrase'), passphrase, wrongMessage);
    },

    async unwrapWithRecoveryCode(keyring: Keyring, typed: string): Promise<Buffer> {
      const code = normaliseRecoveryCode(typed);
      const wrong = 'That recovery code does not match. Check each group of letters and numbers.';
      if (!code) throw new ApiFailure('wrong_secret', wrong);
      return unwrapWith(throttledRecoveries, findProtector(keyring, 'recovery'), code, wrong);
    },

    /** A new passphrase and a new recovery code over the same key (the old code is used up). */
    async rewrapAfterRecovery(keyring: Keyring, key: Uint8Array, newPassphrase: string) {
      const fresh = await newKeyring(key, newPassphrase);
      let next = keyring;
      for (const protector of fresh.keyring.protectors) next = withProtector(next, protector);
      return { keyring: next, recoveryCode: fresh.recoveryCode };
    },

    async withPassphrase(keyring: Keyring, key: Uint8Array, passphrase: string): Promise<Keyring> {
      return withProtector(keyring, await passphrases.wrap(key, passphrase));
    },

    /** After an unlock: the passphrase entry again in today's format and parameters, if it is not. */
    async upgradedPassphrase(
      keyring: Keyring,
      key: Uint8Array,
      passphrase: string,
    ): Promise<Keyring | undefined> {
      const entry = findProtector(keyring, 'passphrase');
      if (!entry || !passphrases.outdated(entry)) return undefined;
      return withProtector(keyring, await passphrases.wrap(key, passphrase));
    },
  };
}
