import { useEffect, useRef } from 'react';

export interface UndoOffer {
  /** Changes each time, so a second delete restarts the timer. */
  key: number;
  message: string;
  undo: () => void;
}

const UNDO_MS = 10_000;

/**
 * "Entry deleted. Undo": a status message (announced by screen readers) with an Undo button for
 * about ten seconds. Focus moves to the button, so nobody is left on the vanished Delete button.
 * The region is always in the page, so what appears in it is announced.
 */
export function UndoStatus({ offer, onExpire }: { offer?: UndoOffer; onExpire: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!offer) return;
    button.current?.focus();
    const timer = window.setTimeout(onExpire, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [offer, onExpire]);
  return (
    <div role="status" className={offer ? 'undo-status notice' : 'undo-status'}>
      {offer && (
        <>
          <span>{offer.message}</span>{' '}
          <button ref={button} type="button" className="link-button" onClick={offer.undo}>
            Undo
          </button>
        </>
      )}
    </div>
  );
}
