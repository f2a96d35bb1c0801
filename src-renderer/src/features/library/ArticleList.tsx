import type { ReactNode } from 'react';
import type { ArticleSummary } from '../../../../src-main/contract';

/** Articles as a list of links with their summary, reading time and a "New" badge. */
export function ArticleList({
  articles,
  label,
  onOpen,
  extra,
  summaries = true,
}: {
  articles: readonly ArticleSummary[];
  label: string;
  onOpen: (id: string) => void;
  /** Something shown under an article's summary (a search snippet, a reason). */
  extra?: (article: ArticleSummary) => ReactNode;
  /** Search results show a snippet of the text instead. */
  summaries?: boolean;
}) {
  return (
    <ul className="entry-list article-list" aria-label={label}>
      {articles.map((article) => (
        <li key={article.id} className="entry">
          <p className="article-title">
            <a
              href={`#article:${article.id}`}
              onClick={(event) => {
                event.preventDefault();
                onOpen(article.id);
              }}
            >
              {article.title}
            </a>
            {article.state.isNew && <span className="badge">New</span>}
            {article.state.bookmarked && <span className="visually-hidden">, bookmarked</span>}
          </p>
          {summaries && <p className="muted">{article.summary}</p>}
          {extra?.(article)}
          <p className="entry-meta">
            <span>{article.minutes} min read</span>
            {article.state.readAt !== null && <span>Read</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
