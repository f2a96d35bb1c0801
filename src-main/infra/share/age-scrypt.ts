import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

/*
 * age's passphrase ("scrypt") recipient, as in the age spec (age-encryption.org/v1), with the key
 * derived by node:crypto instead of age-encryption's own pure-JS scrypt. Theirs is synchronous:
 * at work factor 18 it holds the main process for seconds, so no window could repaint, no progress
 * could be shown and Cancel could not be heard. Node's runs on the libuv thread pool. Everything
 * else (header, MAC, payload) is age-encryption's; the Debian `age` CLI opens the result (tested).
 */

const LABEL = 'age-encryption.org/v1/scrypt';
const SALT_BYTES = 16;
const R = 8;
const P = 1;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function decodeB64(value: string): Buffer | undefined {
  const bytes = Buffer.from(value, 'base64');
  return b64(bytes) === value ? bytes : undefined;
}

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelAndSalt = Buffer.concat([Buffer.from(LABEL), salt]);
  return new Promise((resolve, reject) =>
    scrypt(
      Buffer.from(passphrase, 'utf8'),
      labelAndSalt,
      32,
      { N: 2 ** logN, r: R, p: P, maxmem: 128 * R * 2 ** logN + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

const ZERO_NONCE = Buffer.alloc(12);

function sealFileKey(key: Buffer, fileKey: Uint8Array): Uint8Array {
  const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
  return Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
}

function openFileKey(key: Buffer, body: Uint8Array): Uint8Array | null {
  if (body.length !== 32) return null;
  const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
  decipher.setAuthTag(body.subarray(16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, 16)), decipher.final()]);
  } catch {
    return null;
  }
}

export class WorkFactorTooHigh extends Error {
  constructor(readonly logN: number) {
    super(`scrypt work factor ${logN} is above the limit`);
  }
}

export class ScryptPassphraseRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
    /** Told when the key has been derived (the slow part), so progress can move on. */
    private readonly onDerived: () => void = () => {},
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(SALT_BYTES);
    const key = await deriveKey(this.passphrase, salt, this.logN);
    this.onDerived();
    return [new Stanza(['scrypt', b64(salt), String(this.logN)], sealFileKey(key, fileKey))];
  }
}

export class ScryptPassphraseIdentity implements Identity {
  constructor(
    private readonly passphrase: string,
    private readonly maxLogN: number,
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue;
      // The spec: a scrypt stanza must be the only one, so a passphrase cannot be mixed with keys.
      if (stanzas.length !== 1 || stanza.args.length !== 3 || !/^[1-9][0-9]*$/.test(stanza.args[2] ?? '')) {
        throw new Error('invalid scrypt stanza');
      }
      const salt = decodeB64(stanza.args[1] ?? '');
      if (!salt || salt.length !== SALT_BYTES) throw new Error('invalid scrypt stanza');
      const logN = Number(stanza.args[2]);
      if (logN > this.maxLogN) throw new WorkFactorTooHigh(logN);
      const key = await deriveKey(this.passphrase, salt, logN);
      const fileKey = openFileKey(key, stanza.body);
      if (fileKey) return fileKey;
    }
    return null;
  }
}
