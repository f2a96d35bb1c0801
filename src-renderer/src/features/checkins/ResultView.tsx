import { useEffect, useRef } from 'react';
import type { MeasureResult } from '../../../../src-main/contract';

/** The course modules of CONTENT.md, named for the pointers below until the course screens exist. */
const MODULE_NAMES: Record<string, string> = {
  m1: 'Understanding stress',
  m2: 'Thoughts, feelings and stress',
  m3: 'Rethinking stressful thoughts',
  m4: 'Solving problems',
  m5: 'Mindfulness and relaxation',
  m6: 'Strengths and wellbeing',
  m7: 'Staying well',
  m8: 'Sleeping better',
  m9: 'Boundaries and assertiveness',
  m10: 'Workload and switching off',
};

/** What a score means, in plain words and without diagnosis, with a pointer to what might help. */
export function ResultView({
  name,
  code,
  result,
  onHistory,
  onDone,
}: {
  /** The plain name, e.g. "Stress check"; `code` is the instrument's, e.g. "PSS-10". */
  name: string;
  code?: string;
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
          Your {name.toLowerCase()} results
          {code && (
            <>
              {' '}
              <span className="measure-code">{code}</span>
            </>
          )}
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
          <p>
            <strong>What might help:</strong> {scale.band.helps.text}
            {scale.band.helps.modules.length > 0 && (
              <span className="muted">
                {' '}
                (Course: {scale.band.helps.modules.map((id) => MODULE_NAMES[id] ?? id).join(', ')})
              </span>
            )}
          </p>
          {scale.band.suggestMeasures.length > 0 && (
            <p className="muted">
              You might also like to try: {scale.band.suggestMeasures.join(', ').toUpperCase()}.
            </p>
          )}
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
