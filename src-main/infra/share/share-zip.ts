import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { ApiFailure } from '../../contract';
import type { ShareFiles } from '../../core/share/share-file';

/*
 * The zip inside a shared file. fflate writes it; reading is done here, by hand, because the file
 * comes from someone else: a zip whose central directory lists one 64 MiB entry 200 times made
 * fflate's `unzipSync` inflate it 200 times on the main thread (30 s with the event loop stuck,
 * so auto-lock could not fire). This reader accepts exactly the two files Stillroom writes, each
 * once, checks every size before inflating anything, and inflates in zlib's thread pool with an
 * output limit, so no zip can cost more than one honest report's worth of work.
 */

export const REPORT_FILE = 'report.html';
export const DATA_FILE = 'data.json';
const EXPECTED = [REPORT_FILE, DATA_FILE] as const;
/** Both files together, inflated: far more than any year of diaries. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;

const inflateRawAsync = promisify(inflateRaw);

export function zipShareFiles(files: ShareFiles, mtime: Date): Uint8Array {
  return zipSync(
    { [REPORT_FILE]: strToU8(files.reportHtml), [DATA_FILE]: strToU8(files.dataJson) },
    { level: 6, mtime },
  );
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function damaged(): ApiFailure {
  return new ApiFailure('tampered', 'This file opened, but what is inside it is damaged.');
}

function notOurs(): ApiFailure {
  return new ApiFailure('tampered', 'This file opened, but it does not hold a Stillroom report.');
}

export async function unzipShareFiles(zip: Uint8Array): Promise<ShareFiles> {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = readDirectory(bytes);
  const texts = new Map<string, string>();
  for (const entry of entries) texts.set(entry.name, await inflateEntry(bytes, entry));
  return { reportHtml: texts.get(REPORT_FILE) ?? '', dataJson: texts.get(DATA_FILE) ?? '' };
}

/** The central directory, refused unless it lists exactly our two files, once each, within budget. */
function readDirectory(bytes: Buffer): Entry[] {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0) throw damaged();
  if (bytes.readUInt16LE(end + 8) !== count) throw damaged();
  // Checked before reading a single record: a directory of 200 copies is refused at once.
  if (count !== EXPECTED.length) throw notOurs();
  if (directoryOffset + directorySize > end) throw damaged();

  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) throw damaged();
    const entry: Entry = {
      name: bytes.toString('latin1', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    if ((bytes.readUInt16LE(at + 8) & ENCRYPTED_FLAG) !== 0) throw notOurs();
    if (entry.method !== STORED && entry.method !== DEFLATED) throw notOurs();
    if (!(EXPECTED as readonly string[]).includes(entry.name)) throw notOurs();
    if (entries.some((seen) => seen.name === entry.name)) throw notOurs();
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > MAX_UNPACKED_BYTES) {
    throw new ApiFailure('tampered', 'This file holds far more than a report shared from Stillroom.');
  }
  return entries;
}

/** The end-of-directory record: last in the file, followed only by its own comment. */
function findEndOfDirectory(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (
      bytes.readUInt32LE(at) === END_OF_DIRECTORY &&
      at + 22 + bytes.readUInt16LE(at + 20) === bytes.length
    ) {
      return at;
    }
  }
  throw damaged();
}

async function inflateEntry(bytes: Buffer, entry: Entry): Promise<string> {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw damaged();
  const nameLength = bytes.readUInt16LE(at + 26);
  const extraLength = bytes.readUInt16LE(at + 28);
  // The local header must name the same file, so two records cannot share one body.
  if (bytes.toString('latin1', at + 30, at + 30 + nameLength) !== entry.name) throw damaged();
  const start = at + 30 + nameLength + extraLength;
  if (start + entry.compressedSize > bytes.length) throw damaged();
  const body = bytes.subarray(start, start + entry.compressedSize);
  let content: Buffer;
  if (entry.method === STORED) {
    content = body;
  } else {
    try {
      // The thread pool does the work, and stops at the size the directory promised.
      content = await inflateRawAsync(body, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw damaged();
    }
  }
  if (content.length !== entry.size || crc32(content) !== entry.crc) throw damaged();
  return content.toString('utf8');
}
