import { useId, useState } from 'react';
import { HelpPanel } from './HelpPanel';

/**
 * "Need help now?" on the setup, lock and problem screens: crisis lines without unlocking. It
 * opens in place, so a passphrase half typed below it is not lost.
 */
export function GateHelp() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <aside className="gate-help" aria-label="Need help now?">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? 'Hide help lines' : 'Need help now?'}
      </button>
      <div id={panelId} hidden={!open}>
        {open && (
          <>
            <p>
              If you are struggling, you do not have to cope alone. You do not need to unlock Stillroom to see
              these.
            </p>
            <HelpPanel saveChoice={false} />
          </>
        )}
      </div>
    </aside>
  );
}
