import { describe, expect, it } from 'vitest';
import { suggestArticles, type ForYouArticle, type ForYouInput } from '../../src-main/core/library/for-you';

const article = (id: string, extra: Partial<ForYouArticle> = {}): ForYouArticle => ({
  id,
  title: id,
  topic: 'work',
  tags: [],
  related: { modules: [] },
  ...extra,
});

const ARTICLES: ForYouArticle[] = [
  article('sleep', { topic: 'sleep', tags: ['sleep', 'rest'] }),
  article('worry-and-rumination', { topic: 'thoughts-and-feelings', tags: ['worry'] }),
  article('boundaries', { tags: ['boundaries', 'workload'], related: { modules: ['m9'] } }),
  article('panic', { topic: 'stress-and-body', tags: ['panic'] }),
  article('winter-light', { topic: 'wellbeing', tags: ['mood'] }),
  article('money-worries', { topic: 'life', tags: ['money'] }),
];

const input = (overrides: Partial<ForYouInput>): ForYouInput => ({
  articles: ARTICLES,
  focusAreas: [],
  checkinArticles: [],
  courseModules: [],
  readIds: new Set(),
  newIds: new Set(),
  limit: 4,
  ...overrides,
});

const ids = (overrides: Partial<ForYouInput>) => suggestArticles(input(overrides)).map((s) => s.id);

describe('for you', () => {
  it('suggests nothing when nothing is known and nothing is new', () => {
    expect(ids({})).toEqual([]);
  });

  it('puts what a recent check-in pointed to first, in the order given', () => {
    expect(ids({ checkinArticles: ['panic', 'money-worries'], focusAreas: ['sleep'] })).toEqual([
      'panic',
      'money-worries',
      'sleep',
    ]);
  });

  it('matches focus areas by tag and by shelf', () => {
    expect(ids({ focusAreas: ['worry'] })).toEqual(['worry-and-rumination']);
    // "wellbeing" is the shelf of winter-light, which has no wellbeing tag.
    expect(ids({ focusAreas: ['wellbeing'] })).toEqual(['winter-light']);
    // A tag match ranks above a shelf match.
    const work = [
      article('on-the-shelf', { topic: 'work' }),
      article('tagged', { topic: 'life', tags: ['workload'] }),
    ];
    expect(ids({ articles: work, focusAreas: ['workload'] })).toEqual(['tagged', 'on-the-shelf']);
  });

  it('a tag on most of the library does not make an article fit: that focus area matches by its shelf', () => {
    const library = [
      article('body', { topic: 'stress-and-body', tags: ['stress', 'panic'] }),
      ...['a', 'b', 'c'].map((id) => article(id, { topic: 'work', tags: ['workload', 'stress'] })),
      article('sleep', { topic: 'sleep', tags: ['sleep'] }),
    ];
    expect(ids({ articles: library, focusAreas: ['stress'] })).toEqual(['body']);
    // With the tag on a few articles only, it counts again.
    const few = [...library.slice(0, 2), article('d', { tags: ['people'] }), article('e'), library[4]!];
    expect(ids({ articles: few, focusAreas: ['stress'] })).toEqual(['a', 'body']);
  });

  it('prefers new articles among equally good ones, and suggests new ones when nothing else fits', () => {
    expect(ids({ focusAreas: ['sleep', 'worry'], newIds: new Set(['worry-and-rumination']) })).toEqual([
      'worry-and-rumination',
      'sleep',
    ]);
    expect(ids({ newIds: new Set(['winter-light']) })).toEqual(['winter-light']);
    expect(suggestArticles(input({ newIds: new Set(['winter-light']) }))[0]?.reasons).toEqual(['new']);
  });

  it('follows the course module in hand', () => {
    expect(suggestArticles(input({ courseModules: ['m9'] }))).toEqual([
      { id: 'boundaries', reasons: ['course'] },
    ]);
  });

  it('leaves out what was read, and keeps to the limit', () => {
    const read = new Set(['panic']);
    expect(ids({ checkinArticles: ['panic', 'sleep'], readIds: read })).toEqual(['sleep']);
    const everything = ARTICLES.map((a) => a.id);
    expect(ids({ checkinArticles: everything, limit: 2 })).toEqual(everything.slice(0, 2));
  });
});
