import { useId } from 'react';

/**
 * A circle that grows as you breathe in (4 seconds) and shrinks as you breathe out (6 seconds).
 * With reduced motion it stands still and the words alone lead the pace.
 */
export function BreathingGuide() {
  return (
    <div className="breathing" aria-hidden="true">
      <div className="breathing-circle" />
    </div>
  );
}

export function BreathingPractice({ onDone }: { onDone?: () => void }) {
  const title = useId();
  return (
    <section className="card" aria-labelledby={title}>
      <h2 id={title}>Paced breathing</h2>
      <BreathingGuide />
      <p>Breathe in gently through your nose for four counts, as the circle grows.</p>
      <p>Breathe out slowly for six counts, as it shrinks. Keep going for a few rounds, at your own pace.</p>
      {onDone && (
        <button type="button" onClick={onDone}>
          I have done this
        </button>
      )}
    </section>
  );
}
