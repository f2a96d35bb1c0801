import { useEffect, useRef } from 'react';
import type { MeasureResult } from '../../../../src-main/contract';

/** What a score means, in plain words and without diagnosis, with a pointer to what might help. */
export function ResultView({
  name,
  result,
  onHistory,
  onDone,
}: {
  name: string;
  result: MeasureResult;
  onHistory: () => void;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="result-title">
      <header className="screen-header">
        <h1 id="result-title" tabIndex={-1} ref={heading}>
          Your {name} results
        </h1>
        <p className="lead">A score is a snapshot of how things have been, not a diagnosis.</p>
      </header>
      {result.scales.map((scale) => (
        <section key={scale.scaleId} className="card" aria-labelledby={`scale-${scale.scaleId}`}>
          <h2 id={`scale-${scale.scaleId}`}>
            {scale.label}: {scale.score}
            <span className="muted">
              {' '}
              (from {scale.range.min} to {scale.range.max})
            </span>
          </h2>
          <p>
            <strong>{scale.band.label}.</strong> {scale.band.description}
          </p>
          {scale.band.suggestProfessional && (
            <p className="notice">It may help to talk this over with your GP or another professional.</p>
          )}
        </section>
      ))}
      {result.skippedScales.some((scale) => scale.reason === 'incomplete') && (
        <p className="muted">Some optional questions were not all answered, so that part was not scored.</p>
      )}
      <div className="actions">
        <button type="button" onClick={onHistory}>
          See how it changes over time
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Back to check-ins
        </button>
      </div>
    </section>
  );
}
