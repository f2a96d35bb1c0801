import { PASSPHRASE_MIN_LENGTH } from '../../../../src-main/contract/plain';

/** The same rule the Api enforces, checked early so the user hears about it before waiting. */
export function passphraseProblem(passphrase: string, confirmation: string): string | undefined {
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) {
    return `Use at least ${PASSPHRASE_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;
  }
  if (passphrase !== confirmation) return 'The two passphrases are not the same.';
  return undefined;
}
