import { describe, expect, it } from 'vitest';
import { allowedEdits, correctSpelling, foldWord } from '../../src-main/core/library/spelling';

// A small index vocabulary: word → articles using it.
const vocabulary = new Map([
  ['burnout', 6],
  ['burn', 1],
  ['sleep', 9],
  ['sleeping', 3],
  ['steep', 1],
  ['meetings', 5],
  ['manager', 4],
  ['cafe', 1],
]);

describe('correctSpelling', () => {
  it('corrects a swapped pair in a long word and a dropped letter in a short one', () => {
    expect(correctSpelling('burnuot', vocabulary)).toBe('burnout');
    expect(correctSpelling('slep ', vocabulary)).toBe('sleep');
    expect(correctSpelling('mangaer', vocabulary)).toBe('manager');
  });

  it('leaves known words, short words and words still being typed as they are', () => {
    expect(correctSpelling('sleep', vocabulary)).toBeUndefined();
    expect(correctSpelling('Sleep', vocabulary)).toBeUndefined();
    expect(correctSpelling('zzz', vocabulary)).toBeUndefined();
    // "meeti" is the start of "meetings": the search's prefix match finds it, nothing to correct.
    expect(correctSpelling('meeti', vocabulary)).toBeUndefined();
    // The same letters after a space are a finished word, and a misspelt one.
    expect(correctSpelling('meetigns ', vocabulary)).toBe('meetings');
  });

  it('corrects only the unknown words, and prefers the word more articles use on a tie', () => {
    expect(correctSpelling('long meetigns', new Map([...vocabulary, ['long', 2]]))).toBe('long meetings');
    // "sleap" is one edit from "sleep" (9 articles) and from "steap"… only "sleep" is in reach twice over.
    expect(correctSpelling('sleap ', new Map([...vocabulary, ['sleak', 1]]))).toBe('sleep');
  });

  it('gives nothing when no indexed word is close enough', () => {
    expect(correctSpelling('quantum ', vocabulary)).toBeUndefined();
    expect(correctSpelling('', vocabulary)).toBeUndefined();
    expect(correctSpelling('   ', vocabulary)).toBeUndefined();
  });

  it('folds case and accents the way the index does', () => {
    expect(foldWord('Café')).toBe('cafe');
    expect(correctSpelling('Café', vocabulary)).toBeUndefined();
  });

  it('allows two edits from seven letters on, else one', () => {
    expect(allowedEdits(4)).toBe(1);
    expect(allowedEdits(6)).toBe(1);
    expect(allowedEdits(7)).toBe(2);
  });
});
