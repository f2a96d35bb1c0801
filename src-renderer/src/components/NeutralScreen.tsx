import { useEffect, useRef } from 'react';

/**
 * What the privacy key leaves on screen: a plain, empty page that says nothing about what was
 * there. One button (and the same key) brings back the room or the window exactly as it was.
 */
export function NeutralScreen({ privacyKey, onReopen }: { privacyKey: string; onReopen: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="neutral-screen" role="main" aria-label="Paused">
      <button type="button" ref={button} className="neutral-continue" onClick={onReopen}>
        Continue
      </button>
      <span className="visually-hidden">Or press {privacyKey}.</span>
    </div>
  );
}
