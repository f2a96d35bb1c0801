import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { WrongSecretError, type KeyProtector, type WrappedKey } from '../../core/vault/key-protector';

/**
 * scrypt parameters for new wrapped keys. N = 2^17, r = 8 takes about 0.35 s on one core of the
 * 2-core machines we measured (0.25–1 s is the target: slow for a guesser, fine for a person).
 * The parameters are stored with each wrapped key, so they can be raised later without breaking
 * old vaults.
 */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };

const wrappedSchema = z.object({
  kind: z.enum(['passphrase', 'recovery']),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string(),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});

function deriveKek(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128 * N * r bytes; allow twice that.
    scrypt(
      secret.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** The kind is bound into the ciphertext, so a passphrase blob cannot pass for a recovery blob. */
function aad(kind: string): Buffer {
  return Buffer.from(`stillroom-vault-key:v1:${kind}`);
}

/**
 * Wraps the database key with a secret a person holds (passphrase or recovery code): scrypt
 * derives a key-encryption key, AES-256-GCM seals the database key with it.
 */
export function createScryptProtector(
  kind: 'passphrase' | 'recovery',
  params: ScryptParams = DEFAULT_SCRYPT,
): KeyProtector<string> {
  return {
    kind,
    async wrap(key, secret) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const kek = await deriveKek(secret, salt, params);
      const cipher = createCipheriv('aes-256-gcm', kek, iv);
      cipher.setAAD(aad(kind));
      const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
      return {
        kind,
        kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
        cipher: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        wrapped: wrapped.toString('base64'),
      } satisfies WrappedKey;
    },
    async unwrap(wrappedKey, secret) {
      const parsed = wrappedSchema.parse(wrappedKey);
      const { N, r, p, salt } = parsed.kdf;
      const kek = await deriveKek(secret, Buffer.from(salt, 'base64'), { N, r, p });
      const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(parsed.iv, 'base64'));
      decipher.setAAD(aad(parsed.kind));
      decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(parsed.wrapped, 'base64')), decipher.final()]);
      } catch {
        throw new WrongSecretError();
      }
    },
  };
}
