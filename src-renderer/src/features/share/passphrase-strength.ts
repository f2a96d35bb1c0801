import { SHARE_PASSPHRASE_MIN_LENGTH } from '../../../../src-main/contract/plain';

export type Strength = 'weak' | 'good' | 'strong';

export const STRENGTH_WORDS: Record<Strength, string> = {
  weak: 'Too easy to guess — add a few words',
  good: 'Good',
  strong: 'Strong',
};

/**
 * Strength in words a person can act on, not bits. "Weak" is exactly what the Api refuses, so the
 * words never promise a file that will not be made; the suggested six words read as strong.
 */
export function passphraseStrength(passphrase: string): Strength {
  const trimmed = passphrase.trim();
  if (trimmed.length < SHARE_PASSPHRASE_MIN_LENGTH) return 'weak';
  const words = trimmed.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3).length;
  return words >= 5 || trimmed.length >= 28 ? 'strong' : 'good';
}
