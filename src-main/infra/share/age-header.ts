/**
 * A first look at an age file's header, before any key is derived: which kinds of recipient it
 * was made for, and the scrypt work factor it asks for. A hostile file can ask for 2^40 and keep
 * the app busy for days, so the coach view reads this first and refuses anything above the limit.
 */
export type AgeHeaderInfo =
  | { ok: true; recipientTypes: string[]; scryptLogN: number | null }
  | { ok: false; problem: 'not_age' | 'armored' | 'damaged' };

const VERSION_LINE = 'age-encryption.org/v1\n';
const ARMOR_START = '-----BEGIN AGE ENCRYPTED FILE-----';
/** Headers are small; a "header" longer than this is not one. */
const MAX_HEADER_BYTES = 64 * 1024;

export function inspectAgeHeader(file: Uint8Array): AgeHeaderInfo {
  const start = Buffer.from(file.subarray(0, MAX_HEADER_BYTES)).toString('latin1');
  if (start.startsWith(ARMOR_START)) return { ok: false, problem: 'armored' };
  if (!start.startsWith(VERSION_LINE)) return { ok: false, problem: 'not_age' };
  const end = start.indexOf('\n---', VERSION_LINE.length - 1);
  if (end === -1) return { ok: false, problem: 'damaged' };
  const lines = start.slice(VERSION_LINE.length, end + 1).split('\n');
  const recipientTypes: string[] = [];
  let scryptLogN: number | null = null;
  for (const line of lines) {
    if (!line.startsWith('-> ')) continue;
    const args = line.slice(3).split(' ');
    recipientTypes.push(args[0] ?? '');
    if (args[0] === 'scrypt') {
      if (args.length !== 3 || !/^[1-9][0-9]{0,2}$/.test(args[2] ?? ''))
        return { ok: false, problem: 'damaged' };
      scryptLogN = Math.max(scryptLogN ?? 0, Number(args[2]));
    }
  }
  if (recipientTypes.length === 0) return { ok: false, problem: 'damaged' };
  return { ok: true, recipientTypes, scryptLogN };
}
