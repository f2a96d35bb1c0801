import { useId } from 'react';
import type { SearchResult } from '../../../../src-main/contract';
import { FormMessage } from '../../components/FormMessage';
import { formatDay } from '../../components/format';
import { useSearchAsYouType } from '../../components/use-search-as-you-type';

const DEBOUNCE_MS = 150;
const KIND_LABEL: Record<SearchResult['kind'], string> = {
  stress: 'Stress diary',
  thought: 'Thought record',
};

/**
 * Search across stress entries and thought records, answering as the person types. Only the
 * answer to the latest query is shown: a slower, older answer arriving late is ignored.
 */
export function DiarySearch({ onOpen }: { onOpen: (result: SearchResult) => void }) {
  const inputId = useId();
  const { query, setQuery, shown } = useSearchAsYouType('diary.search', DEBOUNCE_MS);

  return (
    <section className="card" aria-labelledby="search-title" role="search">
      <h2 id="search-title">Search your diary</h2>
      <div className="field">
        <label htmlFor={inputId}>Search stress entries and thought records</label>
        <input
          id={inputId}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {shown?.error && <FormMessage error={shown.error} />}
      <p role="status" className="muted search-count">
        {shown && !shown.error
          ? shown.results.length === 0
            ? `Nothing found for “${shown.query.trim()}”.`
            : `${shown.results.length === 1 ? '1 result' : `${shown.results.length} results`} for “${shown.query.trim()}”.`
          : ''}
      </p>
      {shown && shown.results.length > 0 && (
        <ul className="entry-list" aria-label="Search results">
          {shown.results.map((result) => (
            <li key={`${result.kind}-${result.id}`} className="entry search-result">
              <div className="entry-meta">
                <span>{KIND_LABEL[result.kind]}</span>
                <span>{formatDay(result.occurredAt)}</span>
              </div>
              <p>
                <button type="button" className="link-button" onClick={() => onOpen(result)}>
                  {result.title || (result.kind === 'thought' ? 'Thought record (draft)' : 'Entry')}
                  <span className="visually-hidden">
                    , {KIND_LABEL[result.kind].toLowerCase()}, {formatDay(result.occurredAt)}
                  </span>
                </button>
              </p>
              <p className="snippet">
                {result.snippet.map((segment, index) =>
                  segment.match ? (
                    <mark key={index}>{segment.text}</mark>
                  ) : (
                    <span key={index}>{segment.text}</span>
                  ),
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
