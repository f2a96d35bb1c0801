import { useEffect, useRef, useState } from 'react';
import type {
  ArticleState,
  LibraryArticleView,
  Markdown as MarkdownTree,
  MarkdownBlock,
} from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { FormMessage } from '../../components/FormMessage';
import { ExternalLink } from '../../components/ExternalLink';
import { Markdown } from '../../components/Markdown';
import { ArticleList } from './ArticleList';
import { calendarDay } from './topics';

/**
 * One article to read: its text, reading time, when it was last checked, where the advice comes
 * from, and what goes with it. Usable on its own (a session room embeds it); `onDone` adds a way
 * back. Opening it counts as reading it, so it is no longer marked new.
 */
export function ArticleView({ articleId, onDone }: { articleId: string; onDone?: () => void }) {
  const api = useApi();
  const { navigate } = useNavigation();
  // Kept with the id it is for, so a new articleId shows "Opening…" until its own answer arrives.
  const [loaded, setLoaded] = useState<{ id: string; article?: LibraryArticleView; error?: string }>();
  const [state, setState] = useState<ArticleState>();
  const [actionError, setError] = useState<string>();
  const article = loaded?.id === articleId ? loaded.article : undefined;
  const error = actionError ?? (loaded?.id === articleId ? loaded.error : undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void call(api, 'library.article', { id: articleId }).then((result) => {
      if (!live) return;
      setError(undefined);
      if (!result.ok) {
        setLoaded({ id: articleId, error: result.error.message });
        return;
      }
      setLoaded({ id: articleId, article: result.value });
      setState(result.value.state);
      void call(api, 'library.markRead', { id: articleId }).then((read) => {
        if (live && read.ok) setState(read.value);
      });
    });
    return () => {
      live = false;
    };
  }, [api, articleId]);

  useEffect(() => {
    if (article) heading.current?.focus();
  }, [article]);

  async function toggle(which: 'library.bookmark' | 'library.readLater', on: boolean) {
    const result = await call(api, which, { id: articleId, on });
    if (result.ok) setState(result.value);
    else setError(result.error.message);
  }

  const back = onDone && (
    <button type="button" className="secondary" onClick={onDone}>
      Back to the library
    </button>
  );

  if (!article) {
    return (
      <article className="card article" aria-busy={!error}>
        {error ? <FormMessage error={error} /> : <p className="muted">Opening the article…</p>}
        {back && <div className="actions">{back}</div>}
      </article>
    );
  }

  return (
    <article className="card article" aria-labelledby={`article-${article.id}`}>
      {back && <div className="actions article-back">{back}</div>}
      <h2 id={`article-${article.id}`} ref={heading} tabIndex={-1} className="article-heading">
        {article.title}
      </h2>
      <p className="entry-meta">
        <span>{article.minutes} min read</span>
        <span>Checked {calendarDay(article.reviewed)}</span>
      </p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-pressed={state?.bookmarked ?? false}
          onClick={() => void toggle('library.bookmark', !(state?.bookmarked ?? false))}
        >
          {state?.bookmarked ? 'Bookmarked' : 'Bookmark'}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={state?.readLater ?? false}
          onClick={() => void toggle('library.readLater', !(state?.readLater ?? false))}
        >
          {state?.readLater ? 'Kept for later' : 'Read later'}
        </button>
      </div>
      {error && <FormMessage error={error} />}
      <div className="article-body">
        <Markdown tree={underTitle(article.body)} />
      </div>
      {article.relatedModules.length > 0 && (
        <section aria-labelledby={`modules-${article.id}`}>
          <h3 id={`modules-${article.id}`}>In the course</h3>
          <ul className="link-list">
            {article.relatedModules.map((module) => (
              <li key={module.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate({ section: 'course', item: module.id })}
                >
                  Module {module.number}: {module.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {article.relatedArticles.length > 0 && (
        <section aria-labelledby={`related-${article.id}`}>
          <h3 id={`related-${article.id}`}>Related articles</h3>
          <ArticleList
            label="Related articles"
            articles={article.relatedArticles}
            onOpen={(id) => navigate({ section: 'library', item: id })}
          />
        </section>
      )}
      <section aria-labelledby={`sources-${article.id}`}>
        <h3 id={`sources-${article.id}`}>Where this comes from</h3>
        <ul className="link-list sources">
          {article.sources.map((source) => (
            <li key={source.title}>
              {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** The article's own ## headings sit under its title (an h2 here), so they become h3 and below. */
function underTitle(tree: MarkdownTree): MarkdownTree {
  return tree.map((block): MarkdownBlock => {
    switch (block.t) {
      case 'h':
        return { ...block, level: block.level === 2 ? 3 : 4 };
      case 'quote':
        return { ...block, c: underTitle(block.c) };
      case 'ul':
      case 'ol':
        return { ...block, items: block.items.map(underTitle) };
      default:
        return block;
    }
  });
}
