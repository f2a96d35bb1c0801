/**
 * Recovery codes: 25 characters of Crockford base32 (125 bits), shown in groups of five.
 * Crockford's alphabet has no I, L, O or U, so the code survives being written down by hand;
 * when typed back, case, spaces and dashes are ignored and look-alikes are mapped.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 25;

/** Turns 16+ random bytes (from the caller's CSPRNG) into a readable recovery code. */
export function formatRecoveryCode(random: Uint8Array): string {
  if (random.length < 16) throw new Error('A recovery code needs at least 16 random bytes.');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < RECOVERY_CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{1,5}/g)?.join('-') ?? out;
}

/** The canonical form of what the user typed, or undefined if it cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | undefined {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_CODE_LENGTH) return undefined;
  return [...cleaned].every((char) => ALPHABET.includes(char)) ? cleaned : undefined;
}

/** The saved file: the code and why it matters, nothing else (no name, no date, no place). */
export function recoveryCodeText(code: string): string {
  return [
    'Stillroom recovery code',
    '',
    code,
    '',
    'If you forget your passphrase, this code is the only way back in.',
    'Nobody else — not your organisation, not us — can recover it. It works once.',
    'Keep this file somewhere private.',
    '',
  ].join('\n');
}
