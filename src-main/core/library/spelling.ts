import { distance } from 'fastest-levenshtein';

/*
 * "Did you mean": when a library search finds nothing, a small typo ("burnuot", "slep") is
 * corrected to the closest word the library actually uses, and the search runs again with it.
 *
 * The words come from the search index itself (FTS5's vocabulary, folded the way the index folds
 * them: lower case, no accents), so a correction can only ever be a word that finds something.
 * Edit distance is fastest-levenshtein's (small, well kept, no dependencies); plain Levenshtein
 * counts a swapped pair as two edits, which is why words of seven letters or more may differ by two.
 */

/** Words shorter than this are left as typed: at three letters, one edit reaches too many words. */
export const MIN_CORRECTED_LENGTH = 4;
/** Room for a typo: one edit, two from seven letters on ("burnuot" → "burnout"). */
export function allowedEdits(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** How the index folds a word (unicode61 with remove_diacritics 2): lower case, accents removed. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The typed text with each unknown word replaced by the closest indexed word, or undefined when
 * nothing needed (or could be given) a correction. `vocabulary` maps each indexed word to the
 * number of articles using it; more articles wins a tie. A word still being typed (the last, no
 * space after it) counts as known when some indexed word starts with it.
 */
export function correctSpelling(typed: string, vocabulary: ReadonlyMap<string, number>): string | undefined {
  const words = typed.match(WORD) ?? [];
  if (words.length === 0) return undefined;
  const typing = !/[^\p{L}\p{N}]$/u.test(typed);
  let changed = false;
  const corrected = words.map((word, index) => {
    const folded = foldWord(word);
    if (Array.from(folded).length < MIN_CORRECTED_LENGTH || vocabulary.has(folded)) return word;
    if (typing && index === words.length - 1 && startsSomeWord(folded, vocabulary)) return word;
    const best = closestWord(folded, vocabulary);
    if (best === undefined) return word;
    changed = true;
    return best;
  });
  return changed ? corrected.join(' ') : undefined;
}

function startsSomeWord(prefix: string, vocabulary: ReadonlyMap<string, number>): boolean {
  for (const word of vocabulary.keys()) if (word.startsWith(prefix)) return true;
  return false;
}

function closestWord(word: string, vocabulary: ReadonlyMap<string, number>): string | undefined {
  const limit = allowedEdits(Array.from(word).length);
  let best: { word: string; edits: number; articles: number } | undefined;
  for (const [candidate, articles] of vocabulary) {
    // Lengths further apart than the limit can never be close enough: skip the distance.
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const edits = distance(word, candidate);
    if (edits > limit) continue;
    if (!best || edits < best.edits || (edits === best.edits && articles > best.articles)) {
      best = { word: candidate, edits, articles };
    }
  }
  return best?.word;
}
