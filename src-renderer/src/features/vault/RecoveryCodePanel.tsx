import { useEffect, useRef, useState } from 'react';

/** Shows a recovery code once, and only lets the user go on once they say it is kept safe. */
export function RecoveryCodePanel({ code, onDone }: { code: string; onDone: () => void }) {
  const [kept, setKept] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  // The panel replaces the form that was just sent: move focus here rather than leave it nowhere.
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title" ref={title} tabIndex={-1}>
        Your recovery code
      </h2>
      <p>
        If you ever forget your passphrase, this code is the only other way in. Write it down or print it, and
        keep it somewhere private. It will not be shown again, and it works once.
      </p>
      <p className="recovery-code" data-testid="recovery-code">
        {code}
      </p>
      <label className="choice">
        <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />I have
        kept my recovery code somewhere safe
      </label>
      <div className="actions">
        <button type="button" disabled={!kept} onClick={onDone}>
          Continue
        </button>
      </div>
    </section>
  );
}
