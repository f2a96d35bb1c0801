import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../../contract';
import type { Clock } from '../../core/clock';
import { WrongSecretError, type KeychainProtector, type WrappedKey } from '../../core/vault/key-protector';
import { formatRecoveryCode, normaliseRecoveryCode } from '../../core/vault/recovery-code';
import { createUnlockThrottle } from '../../core/vault/unlock-throttle';
import { findProtector, withProtector, type Keyring } from './keyring-file';
import { createScryptProtector, DEFAULT_SCRYPT, type ScryptParams } from './scrypt-protector';

export type VaultKeys = ReturnType<typeof createVaultKeys>;

/**
 * The ways to the database key: passphrase, recovery code and the OS keychain, and the gentle
 * rate limit on the secrets a person types.
 */
export function createVaultKeys(options: {
  clock: Clock;
  scrypt?: ScryptParams;
  keychain?: KeychainProtector;
}) {
  const passphrases = createScryptProtector('passphrase', options.scrypt ?? DEFAULT_SCRYPT);
  const recoveries = createScryptProtector('recovery', options.scrypt ?? DEFAULT_SCRYPT);
  const throttle = createUnlockThrottle(options.clock);

  /** Unwraps with a person's secret, counting wrong tries for the gentle rate limit. */
  async function unwrapThrottled(
    wrapped: WrappedKey | undefined,
    unwrap: (wrapped: WrappedKey) => Promise<Uint8Array>,
    wrongMessage: string,
  ): Promise<Buffer> {
    const wait = throttle.waitMs();
    if (wait > 0) {
      throw new ApiFailure(
        'rate_limited',
        `Please wait ${Math.ceil(wait / 1000)} seconds before trying again.`,
      );
    }
    if (!wrapped) throw new ApiFailure('not_found', 'This vault cannot be opened that way.');
    try {
      const key = Buffer.from(await unwrap(wrapped));
      throttle.succeeded();
      return key;
    } catch (error) {
      if (!(error instanceof WrongSecretError)) throw error;
      throttle.failed();
      throw new ApiFailure('wrong_secret', wrongMessage);
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
    passphrases,
    keychainState,
    retryAfterMs: () => throttle.waitMs(),

    newKeyring,

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
      return unwrapThrottled(
        findProtector(keyring, 'passphrase'),
        (wrapped) => passphrases.unwrap(wrapped, passphrase),
        wrongMessage,
      );
    },

    async unwrapWithRecoveryCode(keyring: Keyring, typed: string): Promise<Buffer> {
      const code = normaliseRecoveryCode(typed);
      const wrong = 'That recovery code does not match. Check each group of letters and numbers.';
      if (!code) throw new ApiFailure('wrong_secret', wrong);
      return unwrapThrottled(
        findProtector(keyring, 'recovery'),
        (wrapped) => recoveries.unwrap(wrapped, code),
        wrong,
      );
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
  };
}
