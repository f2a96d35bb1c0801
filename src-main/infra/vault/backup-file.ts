import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ApiFailure, FILE_KIND_INFO } from '../../contract';
import { WrongSecretError, type KeyProtector } from '../../core/vault/key-protector';

/**
 * A Stillroom backup: a short header, then the database encrypted under its own random key.
 *
 *   STILLROOM-BACKUP\n
 *   {"format":1,"schemaVersion":1,"size":…,"key":{…wrapped by the backup passphrase…}}\n
 *   <HMAC-SHA256 of the header line and the database, hex>\n
 *   <database bytes>
 *
 * The database pages are themselves authenticated by the cipher; the HMAC also catches a file
 * that was truncated, extended or had its header edited.
 */
const MAGIC = 'STILLROOM-BACKUP';
export const BACKUP_EXTENSION = FILE_KIND_INFO.backup.extension;

const headerSchema = z.object({
  format: z.literal(1),
  schemaVersion: z.number().int().min(0),
  size: z.number().int().min(0),
  key: z.looseObject({ kind: z.literal('passphrase') }),
});

function macKey(backupKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', backupKey, Buffer.alloc(0), 'stillroom-backup-mac:v1', 32));
}

function mac(backupKey: Uint8Array, headerLine: string, database: Uint8Array): Buffer {
  return createHmac('sha256', macKey(backupKey)).update(headerLine).update('\n').update(database).digest();
}

/** The whole backup file; the caller writes it where the person chose. */
export async function backupFileBytes(
  database: Uint8Array,
  backupKey: Uint8Array,
  schemaVersion: number,
  passphrase: string,
  protector: KeyProtector<string>,
): Promise<Buffer> {
  const key = await protector.wrap(backupKey, passphrase);
  const headerLine = JSON.stringify({ format: 1, schemaVersion, size: database.length, key });
  const prefix = Buffer.from(
    `${MAGIC}\n${headerLine}\n${mac(backupKey, headerLine, database).toString('hex')}\n`,
  );
  return Buffer.concat([prefix, database]);
}

const NOT_A_BACKUP = 'That file is not a Stillroom backup, or it is damaged.';

/** Reads and checks a backup. Wrong passphrase, tampering and junk each get their own message. */
export async function readBackupFile(
  bytes: Uint8Array,
  passphrase: string,
  protector: KeyProtector<string>,
): Promise<{ backupKey: Uint8Array; database: Buffer; schemaVersion: number }> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const firstBreak = file.indexOf(0x0a);
  const secondBreak = file.indexOf(0x0a, firstBreak + 1);
  const thirdBreak = file.indexOf(0x0a, secondBreak + 1);
  if (
    firstBreak < 0 ||
    secondBreak < 0 ||
    thirdBreak < 0 ||
    file.subarray(0, firstBreak).toString() !== MAGIC
  ) {
    throw new ApiFailure('invalid_input', NOT_A_BACKUP);
  }
  const headerLine = file.subarray(firstBreak + 1, secondBreak).toString('utf8');
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(headerLine));
  } catch {
    throw new ApiFailure('invalid_input', NOT_A_BACKUP);
  }
  let backupKey: Uint8Array;
  try {
    backupKey = await protector.unwrap(header.key as never, passphrase);
  } catch (error) {
    // The rate limit's own answer.
    if (error instanceof ApiFailure) throw error;
    if (error instanceof WrongSecretError) {
      throw new ApiFailure('wrong_secret', 'That passphrase does not open this backup.');
    }
    throw new ApiFailure('invalid_input', NOT_A_BACKUP);
  }
  const expected = Buffer.from(file.subarray(secondBreak + 1, thirdBreak).toString(), 'hex');
  const database = file.subarray(thirdBreak + 1);
  const actual = mac(backupKey, headerLine, database);
  if (
    expected.length !== actual.length ||
    !timingSafeEqual(expected, actual) ||
    database.length !== header.size
  ) {
    throw new ApiFailure(
      'tampered',
      'This backup has been changed or damaged since it was made, so it was not restored.',
    );
  }
  return { backupKey, database, schemaVersion: header.schemaVersion };
}
