import { PASSPHRASE_WORDS } from './word-list';

export const SUGGESTED_PASSPHRASE_WORDS = 6;

/** Bits of entropy of a passphrase of `words` words drawn uniformly from the list. */
export function passphraseBits(words: number, listSize = PASSPHRASE_WORDS.length): number {
  return Math.floor(words * Math.log2(listSize));
}

/**
 * A passphrase of random words joined by hyphens, easy to read out over the phone. `randomInt`
 * must be a cryptographic uniform source in [0, max) (node:crypto's randomInt in infra).
 */
export function suggestPassphrase(
  randomInt: (max: number) => number,
  words = SUGGESTED_PASSPHRASE_WORDS,
): { passphrase: string; words: number; bits: number } {
  const chosen = Array.from({ length: words }, () => {
    const index = randomInt(PASSPHRASE_WORDS.length);
    const word = PASSPHRASE_WORDS[index];
    if (word === undefined) throw new Error('randomInt gave an index outside the word list');
    return word;
  });
  return { passphrase: chosen.join('-'), words, bits: passphraseBits(words) };
}
