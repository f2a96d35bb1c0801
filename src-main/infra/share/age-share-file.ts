import { Decrypter, Encrypter } from 'age-encryption';
import {
  ApiFailure,
  FILE_KIND_INFO,
  SHARE_SCRYPT_MAX_WORK_FACTOR,
  SHARE_SCRYPT_WORK_FACTOR,
} from '../../contract';
import type { ShareFileStore, ShareSecret } from '../../core/share/share-file';
import { inspectAgeHeader } from './age-header';
import { ScryptPassphraseIdentity, ScryptPassphraseRecipient, WorkFactorTooHigh } from './age-scrypt';
import { unzipShareFiles, zipShareFiles } from './share-zip';

/*
 * The shared file: a zip holding report.html and data.json (share-zip.ts), encrypted with age. Zip because
 * every desktop opens it with a double click (Windows Explorer, macOS Finder, Linux file
 * managers) once `age -d` has turned it back into a zip; tar needs extra tools on Windows. fflate
 * writes it: small, no dependencies, widely used. Nothing in plaintext touches the disk: the zip
 * is built and encrypted in memory and only ciphertext is written.
 */

/** Larger than any year of diaries; a bigger file is not one of ours and is not read into memory. */
const MAX_FILE_BYTES = FILE_KIND_INFO.share.maxBytes;

export interface AgeShareFileOptions {
  /** Tests only: a cheaper scrypt. Exports always use 18 otherwise. */
  workFactor?: number;
}

export function createAgeShareFileStore(options: AgeShareFileOptions = {}): ShareFileStore {
  const workFactor = options.workFactor ?? SHARE_SCRYPT_WORK_FACTOR;
  return {
    async encrypt({ files, protection, isCancelled, onStage }) {
      onStage('preparing', 0.05);
      const zip = zipShareFiles(files, new Date());
      if (isCancelled()) return { status: 'cancelled' };

      const encrypter = new Encrypter();
      if (protection.kind === 'passphrase') {
        onStage('protecting', 0.1);
        encrypter.addRecipient(
          new ScryptPassphraseRecipient(protection.passphrase, workFactor, () => onStage('encrypting', 0.8)),
        );
      } else {
        try {
          encrypter.addRecipient(protection.recipient);
        } catch {
          throw new ApiFailure('invalid_input', 'That is not an age public key. Check it with your coach.');
        }
        onStage('encrypting', 0.5);
      }
      const encrypted = await encrypter.encrypt(zip);
      if (isCancelled()) return { status: 'cancelled' };
      onStage('writing', 0.9);
      return { status: 'done', bytes: encrypted };
    },

    async read(file, secret) {
      if (file.length > MAX_FILE_BYTES) {
        throw new ApiFailure(
          'invalid_input',
          'This file is far too large to be a report shared from Stillroom.',
        );
      }
      return unzipShareFiles(await decryptShareFile(file, secret));
    },
  };
}

/** Decrypts an age file with a passphrase or an identity, naming clearly what went wrong. */
export async function decryptShareFile(file: Uint8Array, secret: ShareSecret): Promise<Uint8Array> {
  const header = inspectAgeHeader(file);
  if (!header.ok) {
    throw new ApiFailure(
      'tampered',
      header.problem === 'not_age'
        ? 'This is not a file shared from Stillroom (it is not an age-encrypted file).'
        : header.problem === 'armored'
          ? 'This file is in age text ("armored") form. Stillroom opens the usual binary form: ask for the .age file itself.'
          : 'This file is damaged or incomplete: its start cannot be read.',
    );
  }
  if (header.scryptLogN !== null && header.scryptLogN > SHARE_SCRYPT_MAX_WORK_FACTOR) {
    throw new ApiFailure(
      'tampered',
      `This file asks for far more work to open than Stillroom allows (work factor ${header.scryptLogN}; the most is ${SHARE_SCRYPT_MAX_WORK_FACTOR}), so it was not opened. Files made by Stillroom use ${SHARE_SCRYPT_WORK_FACTOR}.`,
    );
  }
  const passphraseFile = header.recipientTypes.includes('scrypt');
  if (secret.kind === 'passphrase' && !passphraseFile) {
    throw new ApiFailure(
      'wrong_secret',
      'This file was locked with a key, not a passphrase. Use the secret key that goes with it.',
    );
  }
  if (secret.kind === 'identity' && passphraseFile) {
    throw new ApiFailure(
      'wrong_secret',
      'This file was locked with a passphrase. Type the passphrase instead of a key.',
    );
  }

  const decrypter = new Decrypter();
  if (secret.kind === 'passphrase') {
    decrypter.addIdentity(new ScryptPassphraseIdentity(secret.passphrase, SHARE_SCRYPT_MAX_WORK_FACTOR));
  } else {
    try {
      decrypter.addIdentity(secret.identity);
    } catch {
      throw new ApiFailure('invalid_input', 'That is not an age secret key.');
    }
  }
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    throw describeDecryptFailure(error, secret);
  }
}

function describeDecryptFailure(error: unknown, secret: ShareSecret): ApiFailure {
  if (error instanceof WorkFactorTooHigh) {
    return new ApiFailure(
      'tampered',
      `This file asks for far more work to open than Stillroom allows (work factor ${error.logN}).`,
    );
  }
  const message = error instanceof Error ? error.message : '';
  if (message.includes('no identity matched')) {
    return new ApiFailure(
      'wrong_secret',
      secret.kind === 'passphrase'
        ? 'That passphrase does not open this file. Check each word and try again.'
        : 'That key does not open this file. It was made for someone else.',
    );
  }
  return new ApiFailure(
    'tampered',
    'This file is damaged or incomplete, so it cannot be opened safely. Ask for it to be sent again.',
  );
}
