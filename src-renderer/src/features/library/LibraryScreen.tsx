import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary, CallOutput } from '../../../../src-main/contract';
import { LIBRARY_TOPICS } from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { FormMessage } from '../../components/FormMessage';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ArticleList } from './ArticleList';
import { ArticleView } from './ArticleView';
import { ContentPacks } from './ContentPacks';
import { LibrarySearch } from './LibrarySearch';
import { REASON_LABELS, TOPIC_LABELS } from './topics';
import { OpenInRoomButton } from '../rooms';

/**
 * The library: short articles to dip into, for as long as you like. Opened with an article id
 * (navigation item), it shows that article; otherwise search, suggestions, what you kept, and
 * every article by topic.
 */
export function LibraryScreen() {
  const api = useApi();
  const { item, navigate } = useNavigation();
  const [list, setList] = useState<{ articles: ArticleSummary[]; error?: string }>();
  const [forYou, setForYou] = useState<CallOutput<'library.forYou'>>();
  const [version, setVersion] = useState(0);
  const open = useCallback((id: string) => navigate({ section: 'library', item: id }), [navigate]);

  useEffect(() => {
    if (item) return;
    let live = true;
    void call(api, 'library.list', {}).then((result) => {
      if (!live) return;
      setList(
        result.ok ? { articles: result.value.articles } : { articles: [], error: result.error.message },
      );
    });
    void call(api, 'library.forYou', { limit: 4 }).then((result) => {
      if (live && result.ok) setForYou(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, item, version]);

  if (item) {
    return (
      <>
        <ScreenHeader title="Library" />
        <p>
          <OpenInRoomButton
            activity={{ kind: 'article', articleId: item }}
            label="Read this in a session room"
          />
        </p>
        <ArticleView articleId={item} onDone={() => navigate({ section: 'library' })} />
      </>
    );
  }

  const articles = list?.articles ?? [];
  const bookmarked = articles.filter((article) => article.state.bookmarked);
  const later = articles.filter((article) => article.state.readLater);
  const fresh = articles.filter((article) => article.state.isNew);

  return (
    <>
      <ScreenHeader title="Library">
        Short articles to dip into, whenever you like. Take what helps.
      </ScreenHeader>
      <LibrarySearch onOpen={open} />
      {list?.error && <FormMessage error={list.error} />}

      {forYou && forYou.suggestions.length > 0 && (
        <section className="card" aria-labelledby="for-you-title">
          <h2 id="for-you-title">For you</h2>
          <ArticleList
            label="Suggested for you"
            articles={forYou.suggestions.map((suggestion) => suggestion.article)}
            onOpen={open}
            extra={(article) => {
              const reason = forYou.suggestions.find((s) => s.article.id === article.id)?.reasons[0];
              return reason ? <p className="reason">{REASON_LABELS[reason]}</p> : null;
            }}
          />
        </section>
      )}

      {fresh.length > 0 && (
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title">New in the library</h2>
          <ArticleList label="New articles" articles={fresh} onOpen={open} />
        </section>
      )}

      <section className="card" aria-labelledby="saved-title">
        <h2 id="saved-title">Kept for you</h2>
        <h3>Bookmarks</h3>
        {bookmarked.length > 0 ? (
          <ArticleList label="Bookmarks" articles={bookmarked} onOpen={open} />
        ) : (
          <p className="muted">Bookmark an article to find it here quickly.</p>
        )}
        <h3>Read later</h3>
        {later.length > 0 ? (
          <ArticleList label="Read later" articles={later} onOpen={open} />
        ) : (
          <p className="muted">Choose “Read later” on an article to keep it here for another time.</p>
        )}
      </section>

      <section className="card" aria-labelledby="topics-title">
        <h2 id="topics-title">Browse by topic</h2>
        {!list && <p className="muted">Loading the library…</p>}
        {LIBRARY_TOPICS.map((topic) => {
          const shelf = articles.filter((article) => article.topic === topic);
          if (shelf.length === 0) return null;
          return (
            <details key={topic} className="shelf">
              <summary>
                {TOPIC_LABELS[topic]} <span className="muted">({shelf.length})</span>
                {shelf.some((article) => article.state.isNew) && <span className="badge">New</span>}
              </summary>
              <ArticleList label={TOPIC_LABELS[topic]} articles={shelf} onOpen={open} />
            </details>
          );
        })}
      </section>

      <ContentPacks onApplied={() => setVersion((n) => n + 1)} />
    </>
  );
}
