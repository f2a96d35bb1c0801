import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibrarySearchResult } from '../../src-main/contract';
import { tempDir } from '../helpers/host-harness';
import { createTestVault } from '../helpers/vault-harness';
import { createVaultApi, type VaultApi } from '../helpers/vault-api';

/* Library search over the real encrypted vault, with the real shipped articles. */

let dataDir: string;
let api: VaultApi;

const search = async (query: string, limit = 20): Promise<LibrarySearchResult[]> =>
  (await api.value('library.search', { query, limit })).results;
const marked = (result: LibrarySearchResult) =>
  result.snippet.filter((segment) => segment.match).map((segment) => segment.text.toLowerCase());

beforeAll(async () => {
  dataDir = tempDir('stillroom-library-search-');
  const vault = createTestVault(dataDir);
  api = createVaultApi(vault);
  await vault.create('correct horse battery', false);
});

afterAll(() => {
  api.vault.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('library search on the encrypted vault', () => {
  it('ranks the article named for a word above articles that only mention it', async () => {
    for (const word of ['perfectionism', 'burnout', 'gratitude', 'boundaries', 'sleep']) {
      const results = await search(word);
      const [first] = results;
      expect(first?.article.title.toLowerCase(), word).toContain(word);
      // The comparison means something: other articles mention the word without it in their title.
      expect(
        results.some((result) => !result.article.title.toLowerCase().includes(word)),
        `${word} is mentioned elsewhere`,
      ).toBe(true);
    }
  });

  it('forgives a typo: nothing matches "burnuot", so it shows what "burnout" finds, and says so', async () => {
    const answer = await api.value('library.search', { query: 'burnuot ', limit: 20 });
    expect(answer.correctedQuery).toBe('burnout');
    expect(answer.results[0]?.article.title.toLowerCase()).toContain('burnout');
    // A word the library has is never "corrected".
    expect(
      (await api.value('library.search', { query: 'burnout', limit: 20 })).correctedQuery,
    ).toBeUndefined();
  });

  it('ignores apostrophes: "cant sleep" finds the article about when you can’t sleep', async () => {
    const titles = (await search('cant sleep')).map((result) => result.article.title.toLowerCase());
    expect(titles.some((title) => /can['’]t sleep/u.test(title))).toBe(true);
  });

  it('keeps the words of separate paragraphs, headings and list items apart in snippets', async () => {
    // Every snippet word must be a word of the article; a glued pair ("meetingsfind") is not.
    for (const word of ['meetings', 'find', 'sleep', 'worry']) {
      for (const result of await search(`${word} `)) {
        const article = await api.value('library.article', { id: result.article.id });
        const words = new Set(
          JSON.stringify([article.title, article.summary, article.body])
            .toLowerCase()
            .match(/[\p{L}\p{N}]+/gu),
        );
        const snippetWords = result.snippet.flatMap(
          (segment) => segment.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [],
        );
        for (const snippetWord of snippetWords)
          expect(words, `${snippetWord} in ${result.article.id}`).toContain(snippetWord);
      }
    }
  });

  it('answers as you type: the last word matches as a prefix', async () => {
    const typed = await search('procrast');
    expect(typed[0]?.article.id).toBe('procrastination');
    const twoWords = await search('money wor');
    expect(twoWords[0]?.article.id).toBe('money-worries');
  });

  it('highlights the matching words in each snippet, as plain pieces', async () => {
    const results = await search('rumination');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(
        marked(result).some((text) => text.startsWith('rumination')),
        result.article.id,
      ).toBe(true);
      const joined = result.snippet.map((segment) => segment.text).join('');
      expect(joined.includes('\u0002') || joined.includes('\u0003')).toBe(false);
    }
  });

  it('ignores accents, and treats quotes, operators and control characters as plain words', async () => {
    expect((await search('ALCOHOL caffèine'))[0]?.article.id).toBe('alcohol-and-caffeine');
    expect((await search('caffeine'))[0]?.article.id).toBe('alcohol-and-caffeine');
    const hostile = [
      '"',
      '""sleep',
      'sleep OR',
      'NOT sleep',
      'sleep AND NOT work',
      'NEAR(sleep work)',
      'title:sleep',
      '*',
      '^sleep',
      'sleep)',
      "don't",
      '\u0000sleep',
      '😀',
      'a'.repeat(200),
      '-- ; DROP TABLE library_index',
    ];
    for (const query of hostile) {
      const result = await api.call('library.search', { query, limit: 5 });
      expect(result.ok, JSON.stringify(query)).toBe(true);
    }
    // An operator is searched for as a word: "OR" matches articles that say "or".
    const or = await search('sleep OR');
    expect(or.every((result) => marked(result).length > 0)).toBe(true);
    expect(await search('   ')).toEqual([]);
    expect(api.internalErrors).toEqual([]);
  });

  it('keeps bookmarks, reads and "read later" in the vault, across a lock', async () => {
    await api.value('library.bookmark', { id: 'sleep', on: true });
    await api.value('library.readLater', { id: 'panic', on: true });
    await api.value('library.markRead', { id: 'grief' });
    api.vault.lock('manual');
    expect((await api.error('library.list', {})).code).toBe('locked');
    await api.vault.unlock({ method: 'passphrase', passphrase: 'correct horse battery' });
    const states = new Map((await api.value('library.list', {})).articles.map((a) => [a.id, a.state]));
    expect(states.get('sleep')).toMatchObject({ bookmarked: true, readLater: false, isNew: false });
    expect(states.get('panic')).toMatchObject({ bookmarked: false, readLater: true });
    expect(states.get('grief')?.readAt).toEqual(expect.any(String));
    // Shipped articles present the first time the library opens are never "new".
    expect([...states.values()].filter((state) => state.isNew)).toEqual([]);
    const unbookmarked = await api.value('library.bookmark', { id: 'sleep', on: false });
    expect(unbookmarked.bookmarked).toBe(false);
    expect((await api.error('library.bookmark', { id: 'no-such-article', on: true })).code).toBe('not_found');
  });

  it('opens an article with its body, related articles and sources', async () => {
    const article = await api.value('library.article', { id: 'sleep' });
    expect(article.title).toBe('Sleep and stress');
    expect(article.body.length).toBeGreaterThan(3);
    expect(article.relatedArticles.map((related) => related.id)).toEqual(article.related.articles);
    expect(article.sources.length).toBeGreaterThan(0);
    expect((await api.error('library.article', { id: 'nope' })).code).toBe('not_found');
  });

  it('suggests what recent check-ins point to, and leaves out what was read', async () => {
    // PHQ-4 with high anxiety answers: its bands point to articles.
    const submitted = await api.value('measures.submit', {
      measureId: 'phq-4',
      answers: { q1: 3, q2: 3, q3: 3, q4: 3 },
    });
    expect(submitted.status).toBe('scored');
    const pointed =
      submitted.status === 'scored'
        ? submitted.result.scales.flatMap((scale) => scale.band.helps.topics)
        : [];
    const forYou = await api.value('library.forYou', { limit: 12 });
    const suggested = forYou.suggestions.map((suggestion) => suggestion.article.id);
    for (const id of pointed.filter((id) => id !== 'grief')) expect(suggested).toContain(id);
    expect(suggested).not.toContain('grief');
    expect(forYou.suggestions[0]?.reasons).toContain('checkin');
  });

  it('"stress" as a focus area suggests the stress shelf, not every article that mentions stress', async () => {
    await api.value('course.saveProfile', {
      focusAreas: ['stress'],
      minutesPerWeek: 20,
      baselineResultId: null,
      support: 'on-my-own',
    });
    const { suggestions } = await api.value('library.forYou', { limit: 12 });
    const byFocus = suggestions.filter((suggestion) => suggestion.reasons.includes('focus'));
    expect(byFocus.length).toBeGreaterThan(0);
    expect(byFocus.map((suggestion) => suggestion.article.topic)).toEqual(
      byFocus.map(() => 'stress-and-body'),
    );
    // Most of the library carries the stress tag; that alone must not make an article "for you".
    const library = await api.value('library.list', {});
    expect(library.articles.filter((article) => article.tags.includes('stress')).length).toBeGreaterThan(30);
  });
});
