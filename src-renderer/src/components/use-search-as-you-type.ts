import { useEffect, useRef, useState } from 'react';
import type { CallInput, CallOutput } from '../../../src-main/contract';
import { call } from '../api/call';
import { useApi } from '../api/api-context';

type SearchCall = 'diary.search' | 'library.search';

export interface SearchAnswer<C extends SearchCall> {
  query: string;
  results: CallOutput<C>['results'];
  /** The library's "did you mean": the corrected words the results are for. */
  correctedQuery?: string;
  error?: string;
}

/**
 * Search as the person types, after a short pause. Only the answer to the latest query is kept,
 * so a slow, older answer arriving late never replaces a newer one. `shown` is undefined while
 * the box is empty.
 */
export function useSearchAsYouType<C extends SearchCall>(name: C, debounceMs: number) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer<C>>();
  const latest = useRef(0);

  useEffect(() => {
    const asked = ++latest.current;
    if (query.trim() === '') return;
    const timer = window.setTimeout(() => {
      void call(api, name, { query, limit: 20 } as CallInput<C>).then((result) => {
        if (asked !== latest.current) return;
        setAnswer(
          result.ok
            ? {
                query,
                results: result.value.results,
                ...('correctedQuery' in result.value && result.value.correctedQuery !== undefined
                  ? { correctedQuery: result.value.correctedQuery }
                  : {}),
              }
            : { query, results: [], error: result.error.message },
        );
      });
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [api, name, query, debounceMs]);

  return { query, setQuery, shown: query.trim() === '' ? undefined : answer };
}
