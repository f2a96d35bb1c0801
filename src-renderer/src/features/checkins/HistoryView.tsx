import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Measure, StoredResult } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { HistoryTable } from './HistoryTable';
import { betterWords, trendSummary } from './trend-summary';

const TrendChart = lazy(() => import('./TrendChart'));

/** Every past result of one questionnaire: a line in words, a chart for the eye, a table for everyone. */
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
  const [measure, setMeasure] = useState<Measure>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call(api, 'measures.history', { measureId }),
      call(api, 'measures.get', { measureId }),
    ]).then(([history, definition]) => {
      if (!live) return;
      if (history.ok) setResults(history.value.results);
      else setError(history.error.message);
      if (definition.ok) setMeasure(definition.value);
    });
    heading.current?.focus();
    return () => {
      live = false;
    };
  }, [api, measureId]);

  // The trend follows the first main scale (the burnout check's personal burnout); the table has all.
  const scale = measure?.scales.find((s) => measure.primaryScales.includes(s.id));
  const entries = [...(results ?? [])].reverse().flatMap((entry) => {
    const found = entry.result.scales.find((s) => s.scaleId === scale?.id);
    return found ? [{ takenAt: entry.takenAt, score: found.score, bandLabel: found.band.label }] : [];
  });
  const summary = scale && trendSummary(entries, { range: scale.range, now: new Date() });

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
      {scale && entries.length > 0 && (
        <div className="trend">
          {summary && (
            <p className="trend-summary" data-testid="trend-summary">
              {summary}
            </p>
          )}
          <p className="trend-direction">
            {/* "Total" says nothing; "Personal burnout" tells which of several scales this is. */}
            {scale.label === 'Total' ? '' : `${scale.label} · `}
            {betterWords(scale.better)}
          </p>
          {entries.length === 1 && (
            <p className="muted">
              One check-in so far. When you take it again, this is where you will see how things change.
            </p>
          )}
          {entries.length > 1 && (
            <Suspense fallback={<p aria-live="polite">Drawing your chart…</p>}>
              <TrendChart
                points={entries.map((entry) => ({ ...entry, time: Date.parse(entry.takenAt) }))}
                range={scale.range}
                bands={scale.bands}
              />
            </Suspense>
          )}
        </div>
      )}
      {results && results.length > 0 && <HistoryTable name={name} results={results} />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          Back to check-ins
        </button>
      </div>
    </section>
  );
}
