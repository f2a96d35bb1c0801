import type { TextSegment } from '../../contract';

/*
 * Turning what a person types into an SQLite FTS5 query, and FTS5's snippets into plain pieces.
 *
 * Every word becomes an FTS5 string ("…", with " doubled), so nothing typed is ever read as query
 * syntax: not AND/OR/NOT/NEAR, not `*`, `^`, `:`, `-`, `+`, brackets or column names. Inside a
 * string FTS5 splits the text with the table's own tokenizer, exactly as it split the diary, so
 * "don't" or "e-mail" still find what was written that way. Words are ANDed; the last one matches
 * as a prefix while it is still being typed (no space after it yet, and two letters or more).
 *
 * Apostrophes are forgiven both ways, because people type "cant" for "can't" and the other way
 * round: a word with an apostrophe also matches its letters run together, and a common English
 * contraction typed without one also matches the two tokens FTS5 made of "can't" ("can" "t").
 * Each alternative is its own FTS5 string, so this adds no way to write query syntax.
 */

/**
 * The Unicode categories the search index keeps as word characters (migration 002's tokenizer):
 * letters, numbers, private use, and other symbols (so emoji can be searched for).
 */
export const SEARCH_TOKEN_CATEGORIES = 'L* N* Co So';
const WORD_CHARACTER = /[\p{L}\p{N}\p{Co}\p{So}]/u;
/** NUL ends an FTS5 string early; no control character or lone surrogate is part of a word. */
const NOT_TEXT = /[\p{Cc}\p{Cs}]/gu;
const SPACE = /\s+/u;
/** More words than anyone types into a search box; the rest are ignored, which only widens the search. */
export const MAX_SEARCH_TERMS = 16;
/**
 * A word being typed matches as a prefix from its second letter on. One letter would match most
 * of the diary (every word starting with it, with no prefix index to help) and costs a hundred
 * times more; until a second letter comes, it is looked for as a word of its own.
 */
export const MIN_PREFIX_LENGTH = 2;
const TOKENS = /[\p{L}\p{N}\p{Co}\p{So}]+/gu;

const APOSTROPHE = /['\u2019\u02bc]/gu;
/** A word written with an apostrophe between letters: "don't", "manager’s". */
const APOSTROPHE_WORD = /^\p{L}+(?:['\u2019\u02bc]\p{L}+)+$/u;
/**
 * English contractions as written, keyed by their letters run together: only these, so that
 * "tired" or "meetings" are never read as contractions ("tire'd", "meeting's").
 */
const CONTRACTIONS = new Map(
  (
    "can't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't shouldn't couldn't " +
    "haven't hasn't hadn't mustn't needn't i'm i've i'd i'll you're you've you'll you'd he's " +
    "she's it's we're we've we'll we'd they're they've they'll they'd that's what's there's " +
    "here's let's who's"
  )
    .split(' ')
    .map((written) => [written.replace("'", ''), written.replace("'", ' ')]),
);

/** The strings a typed word may match: itself, and its other spelling with or without an apostrophe. */
function spellings(word: string): string[] {
  if (APOSTROPHE_WORD.test(word)) return [word, word.replace(APOSTROPHE, '')];
  const split = CONTRACTIONS.get(word.toLowerCase());
  return split === undefined ? [word] : [word, split];
}

/** The FTS5 MATCH expression for what was typed, or undefined when it has no word to look for. */
export function buildSearchQuery(typed: string): string | undefined {
  const pieces = typed.replace(NOT_TEXT, ' ').split(SPACE);
  const words = pieces.filter((piece) => WORD_CHARACTER.test(piece));
  if (words.length === 0) return undefined;
  const kept = words.slice(0, MAX_SEARCH_TERMS);
  const last = kept[kept.length - 1];
  // Still typing the last word: it ends the text (no space or separator-only piece after it).
  const typing =
    kept.length === words.length &&
    pieces[pieces.length - 1] === last &&
    // The prefix applies to the word's last token: "e-ma" is the phrase "e ma*".
    Array.from(last?.match(TOKENS)?.at(-1) ?? '').length >= MIN_PREFIX_LENGTH;
  const terms = kept.map((word, i) => {
    const strings = spellings(word).map((spelling) => {
      const quoted = `"${spelling.replaceAll('"', '""')}"`;
      return typing && i === kept.length - 1 ? `${quoted}*` : quoted;
    });
    return strings.length === 1 ? `${strings[0]}` : `(${strings.join(' OR ')})`;
  });
  // FTS5 reads two strings side by side as AND, but not a bracketed group: there it needs the word.
  return terms.join(terms.some((term) => term.startsWith('(')) ? ' AND ' : ' ');
}

/**
 * Splits an FTS5 snippet made with `open` and `close` around each match into pieces, as one line
 * (a line break becomes " · ", a run of spaces one space). The markers are chosen per database
 * connection (random), so text a person wrote cannot imitate them.
 */
export function snippetSegments(snippet: string, open: string, close: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (raw: string, match: boolean) => {
    const text = raw.replace(/\s+/gu, (space) => (/[\n\r\u2028\u2029]/u.test(space) ? ' · ' : ' '));
    if (text.length === 0) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.match === match) previous.text += text;
    else segments.push({ text, match });
  };
  let at = 0;
  while (at < snippet.length) {
    const start = snippet.indexOf(open, at);
    if (start === -1) break;
    const end = snippet.indexOf(close, start + open.length);
    if (end === -1) break;
    push(snippet.slice(at, start), false);
    push(snippet.slice(start + open.length, end), true);
    at = end + close.length;
  }
  push(snippet.slice(at), false);
  const first = segments[0];
  if (first && !first.match) first.text = first.text.replace(/^[\s·]+/u, '');
  const last = segments[segments.length - 1];
  if (last && !last.match) last.text = last.text.replace(/[\s·]+$/u, '');
  return segments.filter((segment) => segment.text.length > 0);
}

/** At most `max` code points (never half a character), with an ellipsis when shortened. */
export function shorten(text: string, max: number): string {
  const points = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  if (points.length <= max) return text;
  return `${points
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
