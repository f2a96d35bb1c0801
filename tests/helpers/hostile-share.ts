import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { SHARE_FORMAT_NAME, SHARE_FORMAT_VERSION } from '../../src-main/contract';
import { ScryptPassphraseRecipient } from '../../src-main/infra/share/age-scrypt';

/*
 * Shared files made the way an attacker would: any zip at all, encrypted with real age to the
 * coach's public key or a passphrase, so the coach view's own reading code is what is tested.
 */

export interface ZipEntry {
  name: string;
  content: Buffer;
  /** What the directory claims, when it lies. */
  declaredSize?: number;
}

/** One directory record; `local` is where the entry's local header starts. */
export interface DirectoryRecord {
  name: string;
  local: number;
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
}

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes;
}

interface Written {
  name: string;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A deflated zip with each entry's body written once and a central directory that may list any
 * records at all (default: one per entry), e.g. the same 64 MiB body 200 times.
 */
export function craftZip(entries: ZipEntry[], records?: (written: Written[]) => DirectoryRecord[]): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const body = deflateRawSync(entry.content, { level: 9 });
    const name = Buffer.from(entry.name, 'latin1');
    const info = {
      name: entry.name,
      crc: crc32(entry.content),
      compressed: body.length,
      size: entry.declaredSize ?? entry.content.length,
      offset,
    };
    const header = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(0),
      u16(8),
      u32(0),
      u32(info.crc),
      u32(info.compressed),
      u32(info.size),
      u16(name.length),
      u16(0),
      name,
    ]);
    parts.push(header, body);
    written.push(info);
    offset += header.length + body.length;
  }
  const list = records?.(written) ?? written.map((entry) => ({ name: entry.name, local: entry.offset }));
  const directoryStart = offset;
  for (const record of list) {
    const target = written.find((entry) => entry.offset === record.local) ?? written[0]!;
    const name = Buffer.from(record.name, 'latin1');
    const header = Buffer.concat([
      u32(0x02014b50),
      u16(20),
      u16(20),
      u16(0),
      u16(8),
      u32(0),
      u32(target.crc),
      u32(target.compressed),
      u32(target.size),
      u16(name.length),
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      u32(0),
      u32(record.local),
      name,
    ]);
    parts.push(header);
    offset += header.length;
  }
  parts.push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(list.length),
      u16(list.length),
      u32(offset - directoryStart),
      u32(directoryStart),
      u16(0),
    ]),
  );
  return Buffer.concat(parts);
}

let coach: Promise<{ identity: string; recipient: string }> | undefined;

/** The coach's age key pair, made once per test process. */
export function coachKey(): Promise<{ identity: string; recipient: string }> {
  coach ??= generateIdentity().then(async (identity) => ({
    identity,
    recipient: await identityToRecipient(identity),
  }));
  return coach;
}
export const HOSTILE_PASSPHRASE = 'hostile-share-passphrase-words';

/** Encrypts `zip` with age (to the coach's key, or a cheap passphrase) and writes it to `dir`. */
export async function writeAgeFile(
  dir: string,
  name: string,
  zip: Uint8Array,
  to: 'key' | 'passphrase' = 'key',
): Promise<string> {
  const encrypter = new Encrypter();
  if (to === 'key') encrypter.addRecipient((await coachKey()).recipient);
  else encrypter.addRecipient(new ScryptPassphraseRecipient(HOSTILE_PASSPHRASE, 10, () => {}));
  const path = join(dir, name);
  writeFileSync(path, await encrypter.encrypt(zip));
  return path;
}

/** A data.json that passes the format's schema, for tests that change one field of it. */
export function validShareData() {
  return {
    format: SHARE_FORMAT_NAME,
    version: SHARE_FORMAT_VERSION,
    createdAt: '2026-11-30T09:00:00.000Z',
    app: { name: 'Stillroom', version: '0.1.0' },
    note: 'A note for my coach',
    supportPreference: null,
    diary: [
      {
        id: 'd1',
        occurredAt: '2026-11-29T08:00:00.000Z',
        stress: 6,
        what: 'Deadline moved',
        body: 'Tight shoulders',
        thoughts: 'I will never catch up',
        actions: 'Walked',
      },
    ],
    thoughtRecords: [],
    checkins: [],
    trends: [
      {
        measureId: 'phq-4',
        measureName: 'PHQ-4',
        scaleLabel: 'Total',
        min: 0,
        max: 12,
        points: [
          { takenAt: '2026-11-01T09:00:00.000Z', score: 3, band: 'Mild' },
          { takenAt: '2026-11-08T09:00:00.000Z', score: 5, band: 'Mild' },
        ],
      },
    ],
    course: { modules: [], answers: [] },
  };
}

/** The two files Stillroom writes, with `data` as data.json. */
export function shareZip(data: unknown): Buffer {
  return craftZip([
    { name: 'report.html', content: Buffer.from('<!doctype html><title>Report</title>') },
    { name: 'data.json', content: Buffer.from(JSON.stringify(data)) },
  ]);
}
