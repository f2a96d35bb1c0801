import { useId } from 'react';
import { History } from 'lucide-react';
import { formatDayShort, formatTime } from './format';
import './draft-offer.css';

/** "today at 09:30" or "on 2 Dec at 17:05": when the draft was last saved, in plain words. */
export function draftSavedWhen(updatedAt: string, now = new Date()): string {
  const saved = new Date(updatedAt);
  if (Number.isNaN(saved.getTime())) return 'earlier';
  const time = formatTime(saved);
  if (saved.toDateString() === now.toDateString()) return `today at ${time}`;
  const day = formatDayShort(saved);
  return `on ${day} at ${time}`;
}

/**
 * Offered in place of a form's fields when there is a draft from last time: carry on with it, or
 * start afresh (which forgets it). Nothing is lost by waiting: the draft stays until one is chosen.
 */
export function DraftOffer({
  updatedAt,
  onCarryOn,
  onStartAfresh,
}: {
  updatedAt: string;
  onCarryOn: () => void;
  onStartAfresh: () => void;
}) {
  const title = useId();
  return (
    <div className="draft-offer notice" role="group" aria-labelledby={title} data-testid="draft-offer">
      <History aria-hidden="true" className="draft-offer-icon" size={20} />
      <div>
        <p id={title} className="draft-offer-title">
          Carry on where you left off?
        </p>
        <p className="muted">
          You started this {draftSavedWhen(updatedAt)}. It was kept, encrypted, on this computer.
        </p>
        <div className="actions">
          <button type="button" onClick={onCarryOn}>
            Carry on
          </button>
          <button type="button" className="secondary" onClick={onStartAfresh}>
            Start afresh
          </button>
        </div>
      </div>
    </div>
  );
}
