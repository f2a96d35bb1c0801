import { useEffect, useRef } from 'react';
import type { ScaleResult } from '../../../../../src-main/contract';
import { useNavigation } from '../../../app/navigation';

/**
 * The stress check's result, gently and before the plan: the band in plain words and what it
 * means, that it is a snapshot and not a diagnosis, what might help, and the way to help now.
 */
export function StressResult({
  scale,
  bandsNote,
  onSeePlan,
}: {
  scale: ScaleResult;
  /** Why the bands are what they are (the PSS-10's are a convention, not official cut-offs). */
  bandsNote?: string;
  onSeePlan: () => void;
}) {
  const { navigate } = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="onboarding-result" aria-labelledby="onboarding-result-title">
      <h2 id="onboarding-result-title" tabIndex={-1} ref={heading}>
        How the last month has been
      </h2>
      <div className="card">
        <p className="onboarding-band">
          Your stress check: <strong>{scale.band.label.toLowerCase()} stress</strong>
        </p>
        <p>{scale.band.description}</p>
        <p>
          <strong>What might help:</strong> {scale.band.helps.text}
        </p>
        <p className="muted">
          A score is a snapshot of how things have felt, not a diagnosis. You scored {scale.score} out of{' '}
          {scale.range.max}. {bandsNote}
        </p>
      </div>
      {scale.band.suggestProfessional && (
        <p className="notice">It may help to talk this over with your GP or another professional.</p>
      )}
      <p>
        If things feel like too much right now,{' '}
        <button type="button" className="link-button" onClick={() => navigate({ section: 'help' })}>
          Need help now?
        </button>{' '}
        has people you can talk to today.
      </p>
      <div className="actions">
        <button type="button" onClick={onSeePlan}>
          See my plan
        </button>
      </div>
    </section>
  );
}
