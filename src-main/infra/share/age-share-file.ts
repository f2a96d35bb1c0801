import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import {
  ApiFailure,
  SHARE_FILE_EXTENSION,
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
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface AgeShareFileOptions {
  /** `<dataDir>/exports` */
  defaultFolder: string;
  /** Tests only: a cheaper scrypt. Exports always use 18 otherwise. */
  workFactor?: number;
}

function checkFolder(folder: string): string {
  if (!isAbsolute(folder)) {
    throw new ApiFailure('invalid_input', 'Type the full path of a folder, such as /home/sam/Documents.');
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new ApiFailure('invalid_input', `There is no folder at ${folder}.`);
  return folder;
}

/** The target path, never overwriting an earlier export with the same name. */
function freePath(folder: string, fileName: string): string {
  const base = fileName.endsWith(SHARE_FILE_EXTENSION)
    ? fileName.slice(0, -SHARE_FILE_EXTENSION.length)
    : fileName;
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, n === 1 ? fileName : `${base}-${n}${SHARE_FILE_EXTENSION}`);
    if (!existsSync(candidate)) return candidate;
  }
}

function writeFileDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function createAgeShareFileStore(options: AgeShareFileOptions): ShareFileStore {
  const workFactor = options.workFactor ?? SHARE_SCRYPT_WORK_FACTOR;
  return {
    defaultFolder: () => options.defaultFolder,

    async write({ files, protection, folder, fileName, isCancelled, onStage }) {
      const target = folder === undefined ? options.defaultFolder : checkFolder(folder);
      if (folder === undefined) mkdirSync(target, { recursive: true, mode: 0o700 });
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
      const path = freePath(target, fileName);
      const temp = join(target, `.${fileName}.${process.pid}.partial`);
      try {
        writeFileDurably(temp, encrypted);
        if (isCancelled()) {
          rmSync(temp, { force: true });
          return { status: 'cancelled' };
        }
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        if (error instanceof ApiFailure) throw error;
        throw new ApiFailure(
          'storage_failed',
          `Stillroom could not write the file in ${target}. Nothing was saved there.`,
        );
      }
      return { status: 'done', path, bytes: encrypted.length };
    },

    async read(path, secret) {
      return unzipShareFiles(await decryptShareFile(readShareFile(path), secret));
    },
  };
}

function readShareFile(path: string): Uint8Array {
  if (!isAbsolute(path)) {
    throw new ApiFailure(
      'invalid_input',
      'Type the full path of the file, such as /home/sam/Downloads/share.age.',
    );
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new ApiFailure('not_found', `There is no file at ${path}.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ApiFailure('invalid_input', 'This file is far too large to be a report shared from Stillroom.');
  }
  return readFileSync(path);
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
