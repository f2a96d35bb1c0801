/**
 * The database key is random; what the user remembers (a passphrase), keeps (a recovery code) or
 * what the OS keeps (the keychain) only wraps it. Each way is a KeyProtector. The wrapped form is
 * plain JSON data stored in the keyring file beside the database.
 */
export const PROTECTOR_KINDS = ['passphrase', 'recovery', 'keychain'] as const;
export type ProtectorKind = (typeof PROTECTOR_KINDS)[number];

export type WrappedKey = Record<string, unknown> & { kind: ProtectorKind };

export interface KeyProtector<Secret> {
  readonly kind: ProtectorKind;
  wrap(key: Uint8Array, secret: Secret): Promise<WrappedKey>;
  /** Rejects with WrongSecretError when the secret does not open this wrapped key. */
  unwrap(wrapped: WrappedKey, secret: Secret): Promise<Uint8Array>;
}

export interface KeychainAvailability {
  available: boolean;
  /** e.g. "gnome_libsecret", "kwallet6", "keychain" (macOS), "dpapi" (Windows). */
  backend?: string;
}

/** The OS keychain: no secret from the user, but it may be missing or may change backend. */
export interface KeychainProtector extends KeyProtector<void> {
  availability(): KeychainAvailability;
}

export class WrongSecretError extends Error {
  constructor() {
    super('That does not open this vault.');
    this.name = 'WrongSecretError';
  }
}

/** A wrapped key that is malformed, or whose parameters are outside what Stillroom accepts. */
export class DamagedKeyError extends Error {
  constructor() {
    super('This wrapped key is damaged or was changed.');
    this.name = 'DamagedKeyError';
  }
}
