import { useId } from 'react';
import { FormMessage } from '../../components/FormMessage';
import { useSearchAsYouType } from '../../components/use-search-as-you-type';
import { ArticleList } from './ArticleList';

const DEBOUNCE_MS = 120;

const count = (n: number) => (n === 1 ? '1 article' : `${n} articles`);

/**
 * Search the library as you type. Only the answer to the latest query is shown, so a slow older
 * answer never replaces a newer one.
 */
export function LibrarySearch({ onOpen }: { onOpen: (id: string) => void }) {
  const inputId = useId();
  const { query, setQuery, shown } = useSearchAsYouType('library.search', DEBOUNCE_MS);
  const snippets = new Map(shown?.results.map((result) => [result.article.id, result.snippet]));

  return (
    <section className="card" aria-labelledby="library-search-title" role="search">
      <h2 id="library-search-title">Search the library</h2>
      <div className="field">
        <label htmlFor={inputId}>Search articles</label>
        <input
          id={inputId}
          type="search"
          value={query}
          autoComplete="off"
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {shown?.error && <FormMessage error={shown.error} />}
      <p role="status" className="muted search-count">
        {shown && !shown.error
          ? shown.results.length === 0
            ? `Nothing found for “${shown.query.trim()}”. Try another word.`
            : shown.correctedQuery !== undefined
              ? `Nothing found for “${shown.query.trim()}”. Showing ${count(shown.results.length)} for “${shown.correctedQuery}”.`
              : `${count(shown.results.length)} for “${shown.query.trim()}”.`
          : ''}
      </p>
      {shown && shown.results.length > 0 && (
        <ArticleList
          label="Search results"
          articles={shown.results.map((result) => result.article)}
          onOpen={onOpen}
          summaries={false}
          extra={(article) => (
            <p className="snippet">
              {(snippets.get(article.id) ?? []).map((segment, index) =>
                segment.match ? (
                  <mark key={index}>{segment.text}</mark>
                ) : (
                  <span key={index}>{segment.text}</span>
                ),
              )}
            </p>
          )}
        />
      )}
    </section>
  );
}
