import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { StoredResult } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';

const TrendChart = lazy(() => import('./TrendChart'));
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Every past result of one questionnaire: a chart for the eye, a table for everyone. */
export function HistoryView({
  measureId,
  name,
  code,
  onBack,
}: {
  measureId: string;
  /** The plain name, e.g. "Stress check"; `code` is the instrument's, e.g. "PSS-10". */
  name: string;
  code?: string;
  onBack: () => void;
}) {
  const api = useApi();
  const [results, setResults] = useState<StoredResult[]>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void call(api, 'measures.history', { measureId }).then((result) => {
      if (!live) return;
      if (result.ok) setResults(result.value.results);
      else setError(result.error.message);
    });
    heading.current?.focus();
    return () => {
      live = false;
    };
  }, [api, measureId]);

  const oldestFirst = [...(results ?? [])].reverse();
  const primary = oldestFirst[0]?.result.scales.find((scale) => scale.primary);
  const points = oldestFirst.map((entry) => ({
    date: day.format(new Date(entry.takenAt)),
    score: entry.result.scales.find((scale) => scale.scaleId === primary?.scaleId)?.score ?? 0,
  }));

  return (
    <section aria-labelledby="history-title">
      <header className="screen-header">
        <h1 id="history-title" tabIndex={-1} ref={heading}>
          {name} over time
          {code && (
            <>
              {' '}
              <span className="measure-code">{code}</span>
            </>
          )}
        </h1>
      </header>
      <FormMessage error={error} />
      {results && results.length === 0 && <p>No results yet. Your first check-in will start the picture.</p>}
      {primary && points.length > 1 && (
        <Suspense fallback={<p aria-live="polite">Drawing your chart…</p>}>
          <TrendChart points={points} min={primary.range.min} max={primary.range.max} />
        </Suspense>
      )}
      {results && results.length > 0 && (
        <table className="results-table" data-testid="history-table">
          <caption>{name} results, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {results[0]?.result.scales.map((scale) => (
                <th scope="col" key={scale.scaleId}>
                  {scale.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{day.format(new Date(entry.takenAt))}</th>
                {entry.result.scales.map((scale) => (
                  <td key={scale.scaleId}>
                    {scale.score} · {scale.band.label}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          Back to check-ins
        </button>
      </div>
    </section>
  );
}
