import type { FileAccess } from '../files/file-port';
import {
  ApiFailure,
  LIBRARY_TOPICS,
  type ArticleState,
  type ArticleSummary,
  type CallInput,
  type CallOutput,
} from '../../contract';
import type { LibraryArticle, LibraryCatalog } from './library-catalog';
import type { LibraryRepository } from './library-repository';
import type { LibrarySignals } from './library-signals';
import { suggestArticles } from './for-you';
import { correctSpelling } from './spelling';

/**
 * The library: articles from the catalog (content), what the user did with them and the search
 * index from the vault. Every call that needs the vault syncs it with the catalog first, so the
 * index and the "new" marks follow whatever packs were applied.
 */
export function createLibraryHandlers(deps: {
  catalog: LibraryCatalog;
  repository: () => LibraryRepository;
  signals: LibrarySignals;
  files: FileAccess;
  /** The course's modules (number and title by id), to name an article's course links. */
  modules?: readonly { id: string; number: number; title: string }[];
}) {
  const TOPIC_ORDER = new Map<string, number>(LIBRARY_TOPICS.map((topic, index) => [topic, index]));

  function synced(): { repository: LibraryRepository; byId: Map<string, LibraryArticle> } {
    const repository = deps.repository();
    const articles = deps.catalog.articles();
    repository.sync(
      articles.map((article) => ({
        id: article.id,
        title: article.title,
        summary: article.summary,
        tags: article.tags,
        text: article.text,
      })),
      deps.catalog.fingerprint(),
    );
    return { repository, byId: new Map(articles.map((article) => [article.id, article])) };
  }

  function find(byId: Map<string, LibraryArticle>, id: string): LibraryArticle {
    const article = byId.get(id);
    if (!article) throw new ApiFailure('not_found', 'That article is not in the library.');
    return article;
  }

  const blank = (id: string): ArticleState => ({
    id,
    isNew: false,
    bookmarked: false,
    readLater: false,
    readAt: null,
  });

  function summarise(article: LibraryArticle, states: Map<string, ArticleState>): ArticleSummary {
    return {
      id: article.id,
      title: article.title,
      summary: article.summary,
      minutes: article.minutes,
      topic: article.topic,
      tags: [...article.tags],
      reviewed: article.reviewed,
      state: states.get(article.id) ?? blank(article.id),
    };
  }

  function stateOf(repository: LibraryRepository, id: string): ArticleState {
    return repository.states().get(id) ?? blank(id);
  }

  return {
    'library.list': (): CallOutput<'library.list'> => {
      const { repository, byId } = synced();
      const states = repository.states();
      const articles = [...byId.values()].sort(
        (a, b) =>
          (TOPIC_ORDER.get(a.topic) ?? 0) - (TOPIC_ORDER.get(b.topic) ?? 0) || a.title.localeCompare(b.title),
      );
      return { articles: articles.map((article) => summarise(article, states)) };
    },
    'library.article': ({ id }: CallInput<'library.article'>): CallOutput<'library.article'> => {
      const { repository, byId } = synced();
      const article = find(byId, id);
      const states = repository.states();
      const { text: _text, ...rest } = article;
      return {
        ...rest,
        state: states.get(id) ?? blank(id),
        relatedArticles: article.related.articles
          .map((related) => byId.get(related))
          .filter((related): related is LibraryArticle => related !== undefined)
          .map((related) => summarise(related, states)),
        relatedModules: article.related.modules.flatMap((moduleId) => {
          const module = deps.modules?.find((candidate) => candidate.id === moduleId);
          return module ? [{ id: module.id, number: module.number, title: module.title }] : [];
        }),
      };
    },
    'library.search': ({ query, limit }: CallInput<'library.search'>): CallOutput<'library.search'> => {
      const { repository, byId } = synced();
      const states = repository.states();
      const find = (words: string) =>
        repository.search(words, limit ?? 20).flatMap((hit) => {
          const article = byId.get(hit.id);
          return article ? [{ article: summarise(article, states), snippet: hit.snippet }] : [];
        });
      const results = find(query);
      if (results.length > 0) return { results };
      // Nothing found: perhaps a typo. Try the closest words the library uses, and say so.
      const corrected = correctSpelling(query, repository.vocabulary());
      if (corrected === undefined) return { results };
      const correctedResults = find(corrected);
      return correctedResults.length > 0
        ? { results: correctedResults, correctedQuery: corrected }
        : { results };
    },
    'library.bookmark': ({ id, on }: CallInput<'library.bookmark'>) => {
      const { repository, byId } = synced();
      find(byId, id);
      repository.setBookmark(id, on);
      return stateOf(repository, id);
    },
    'library.readLater': ({ id, on }: CallInput<'library.readLater'>) => {
      const { repository, byId } = synced();
      find(byId, id);
      repository.setReadLater(id, on);
      return stateOf(repository, id);
    },
    'library.markRead': ({ id }: CallInput<'library.markRead'>) => {
      const { repository, byId } = synced();
      find(byId, id);
      repository.markRead(id);
      return stateOf(repository, id);
    },
    'library.forYou': ({ limit }: CallInput<'library.forYou'>): CallOutput<'library.forYou'> => {
      const { repository, byId } = synced();
      const states = repository.states();
      const courseModules = deps.signals.courseModules();
      const read = new Set<string>();
      const fresh = new Set<string>();
      for (const state of states.values()) {
        if (state.readAt !== null) read.add(state.id);
        if (state.isNew) fresh.add(state.id);
      }
      const suggestions = suggestArticles({
        articles: [...byId.values()],
        focusAreas: deps.signals.focusAreas(),
        checkinArticles: deps.signals.checkinArticles(),
        courseModules,
        readIds: read,
        newIds: fresh,
        limit: limit ?? 4,
      });
      return {
        suggestions: suggestions.map((suggestion) => ({
          article: summarise(find(byId, suggestion.id), states),
          reasons: suggestion.reasons,
        })),
        modules: [...courseModules],
      };
    },
    'library.importPack': ({ file }: CallInput<'library.importPack'>) => {
      // Only while unlocked, like everything else the user does in the library.
      deps.repository();
      return deps.catalog.importPack(
        new TextDecoder().decode(deps.files.opened(file, 'content-pack').read()),
      );
    },
    'library.packs': () => deps.catalog.packs(),
  };
}
