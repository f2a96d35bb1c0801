import type { FOCUS_AREAS, ForYouReason, LibraryTopic } from '../../contract';

export type FocusArea = (typeof FOCUS_AREAS)[number];

/** What "for you" needs to know about an article. */
export interface ForYouArticle {
  id: string;
  title: string;
  topic: LibraryTopic;
  tags: readonly string[];
  related: { modules: readonly string[] };
}

export interface ForYouInput {
  articles: readonly ForYouArticle[];
  /** What the user said brings them here (onboarding). */
  focusAreas: readonly FocusArea[];
  /** Article ids the bands of recent check-ins point to (helps.topics), most recent first. */
  checkinArticles: readonly string[];
  /** Course modules the user is on or has just done. */
  courseModules: readonly string[];
  readIds: ReadonlySet<string>;
  newIds: ReadonlySet<string>;
  limit: number;
}

/** The shelf a focus area most belongs to, besides articles tagged with the focus area itself. */
const FOCUS_TOPIC: Partial<Record<FocusArea, LibraryTopic>> = {
  sleep: 'sleep',
  workload: 'work',
  relationships: 'people',
  wellbeing: 'wellbeing',
  'low-mood': 'thoughts-and-feelings',
  worry: 'thoughts-and-feelings',
  stress: 'stress-and-body',
};

const WEIGHT: Record<ForYouReason, number> = { checkin: 8, focus: 4, course: 2, new: 1 };

/**
 * A tag on more than this share of the library says little about any one article: nearly every
 * article mentions stress, so choosing "stress" would otherwise put the whole library "for you".
 * Such a focus area matches by its shelf alone.
 */
const BROAD_TAG_SHARE = 0.5;

/**
 * Suggestions, best first: an article a recent check-in pointed to, then ones that fit the focus
 * areas, then ones related to the course module in hand, with new articles ahead of others that
 * fit equally well. Articles already read are left out: "for you" is for what is still to find.
 * When nothing fits yet (no focus areas, no check-ins), new articles are suggested on their own.
 */
export function suggestArticles(input: ForYouInput): { id: string; reasons: ForYouReason[] }[] {
  const checkinRank = new Map(input.checkinArticles.map((id, index) => [id, index] as const));
  const modules = new Set(input.courseModules);
  const tagged = (area: FocusArea) => input.articles.filter((article) => article.tags.includes(area)).length;
  const telling = input.focusAreas.filter((area) => tagged(area) <= input.articles.length * BROAD_TAG_SHARE);
  const scored = input.articles
    .filter((article) => !input.readIds.has(article.id))
    .map((article) => {
      const reasons: ForYouReason[] = [];
      if (checkinRank.has(article.id)) reasons.push('checkin');
      const fitsFocus =
        telling.some((area) => article.tags.includes(area)) ||
        input.focusAreas.some((area) => FOCUS_TOPIC[area] === article.topic);
      if (fitsFocus) reasons.push('focus');
      if (article.related.modules.some((module) => modules.has(module))) reasons.push('course');
      if (input.newIds.has(article.id)) reasons.push('new');
      const focusMatches = telling.filter((area) => article.tags.includes(area)).length;
      const score =
        reasons.reduce((sum, reason) => sum + WEIGHT[reason], 0) +
        focusMatches * 0.5 -
        (checkinRank.get(article.id) ?? 0) * 0.01;
      return { article, reasons, score };
    })
    .filter((entry) => entry.reasons.length > 0);
  scored.sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title));
  return scored.slice(0, input.limit).map(({ article, reasons }) => ({ id: article.id, reasons }));
}
