import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import {
  DamagedKeyError,
  WrongSecretError,
  type KeyProtector,
  type WrappedKey,
} from '../../core/vault/key-protector';

/**
 * scrypt parameters for new wrapped keys. N = 2^17, r = 8 takes about 0.35 s on one core of the
 * 2-core machines we measured (0.25–1 s is the target: slow for a guesser, fine for a person).
 * The parameters are stored with each wrapped key, so they can be raised later without breaking
 * old vaults.
 */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };

/**
 * The most a wrapped key may ask for. A keyring or a backup header is a file someone else may
 * have edited, and scrypt runs before anything can be authenticated: without a ceiling, one
 * edited number costs minutes and gigabytes per try. The ceiling leaves room to raise the
 * defaults (memory 2x, work 8x today's).
 */
const MAX_MEMORY_BYTES = 256 * 2 ** 20;
const MAX_WORK = 8 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p;
const MAX_P = 4;
/** The format that binds the parameters into the seal (absent: the first format, still read). */
const SEALED_PARAMS = 2;

const TAG_BYTES = 16;
const base64Of = (bytes: number) =>
  z.string().refine((text) => {
    const decoded = Buffer.from(text, 'base64');
    return decoded.length === bytes && decoded.toString('base64') === text;
  });

const wrappedSchema = z.object({
  kind: z.enum(['passphrase', 'recovery']),
  v: z.literal(SEALED_PARAMS).optional(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine((n) => n >= 2 && (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1),
    p: z.number().int().min(1).max(MAX_P),
    salt: base64Of(16),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: base64Of(12),
  tag: base64Of(TAG_BYTES),
  wrapped: base64Of(32),
});
type Parsed = z.infer<typeof wrappedSchema>;

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

/**
 * The kind is bound into the ciphertext, so a passphrase blob cannot pass for a recovery blob;
 * since format 2 the kdf parameters are bound too, so they cannot be edited without notice.
 */
function aad(kind: string, format: number | undefined, params: ScryptParams): Buffer {
  if (format !== SEALED_PARAMS) return Buffer.from(`stillroom-vault-key:v1:${kind}`);
  return Buffer.from(
    `stillroom-vault-key:v2:${kind}:scrypt:N=${params.N}:r=${params.r}:p=${params.p}:aes-256-gcm`,
  );
}

export interface ScryptProtector extends KeyProtector<string> {
  /** Whether a wrapped key is well formed and asks for no less and no more work than allowed. */
  accepts(wrapped: WrappedKey): boolean;
  /** True when the key should be wrapped again: an older format, or other parameters. */
  outdated(wrapped: WrappedKey): boolean;
}

/**
 * Wraps the database key with a secret a person holds (passphrase or recovery code): scrypt
 * derives a key-encryption key, AES-256-GCM seals the database key with it.
 *
 * `floor` is the least work a wrapped key may ask for; it defaults to what this protector
 * writes, so a key re-wrapped weaker than Stillroom ever writes is refused as damaged.
 */
export function createScryptProtector(
  kind: 'passphrase' | 'recovery',
  params: ScryptParams = DEFAULT_SCRYPT,
  floor: ScryptParams = params,
): ScryptProtector {
  function parse(wrapped: WrappedKey): Parsed | undefined {
    const parsed = wrappedSchema.safeParse(wrapped);
    if (!parsed.success || parsed.data.kind !== kind) return undefined;
    const { N, r, p } = parsed.data.kdf;
    const withinFloor = N >= floor.N && r >= floor.r && p >= floor.p;
    const withinCeiling = 128 * N * r <= MAX_MEMORY_BYTES && N * r * p <= MAX_WORK;
    return withinFloor && withinCeiling ? parsed.data : undefined;
  }

  return {
    kind,
    accepts: (wrapped) => parse(wrapped) !== undefined,
    outdated(wrapped) {
      const parsed = parse(wrapped);
      if (!parsed) return true;
      const { N, r, p } = parsed.kdf;
      return parsed.v !== SEALED_PARAMS || N !== params.N || r !== params.r || p !== params.p;
    },
    async wrap(key, secret) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const kek = await deriveKek(secret, salt, params);
      const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(kind, SEALED_PARAMS, params));
      const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
      return {
        kind,
        v: SEALED_PARAMS,
        kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
        cipher: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        wrapped: wrapped.toString('base64'),
      } satisfies WrappedKey;
    },
    async unwrap(wrappedKey, secret) {
      const parsed = parse(wrappedKey);
      if (!parsed) throw new DamagedKeyError();
      const { N, r, p, salt } = parsed.kdf;
      const kek = await deriveKek(secret, Buffer.from(salt, 'base64'), { N, r, p });
      const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(parsed.iv, 'base64'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(aad(parsed.kind, parsed.v, { N, r, p }));
      decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(parsed.wrapped, 'base64')), decipher.final()]);
      } catch {
        throw new WrongSecretError();
      }
    },
  };
}
