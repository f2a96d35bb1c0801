import { useEffect, useRef, useState } from 'react';
import type { SavedFile } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { saveFile } from '../../components/save-file';
import { SavedFileNotice } from '../../components/SavedFileNotice';
import './recovery.css';

/** Shows a recovery code once, and only lets the user go on once they say it is kept safe. */
export function RecoveryCodePanel({ code, onDone }: { code: string; onDone: () => void }) {
  const [kept, setKept] = useState(false);
  const [status, setStatus] = useState('');
  const [saved, setSaved] = useState<SavedFile>();
  const api = useApi();
  const title = useRef<HTMLHeadingElement>(null);
  // The panel replaces the form that was just sent: move focus here rather than leave it nowhere.
  useEffect(() => title.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('Copied. Paste it somewhere private, such as a password manager.');
    } catch {
      setStatus('Copying is not allowed here. Select the code and copy it, or write it down.');
    }
  }

  async function save() {
    setStatus('');
    const result = await saveFile(
      api.files,
      'recovery-code',
      (target) => call(api, 'vault.saveRecoveryCode', { code, target }),
      (value) => value.file,
    );
    if (!result.ok) setStatus(result.error.message);
    else if (result.value) setSaved(result.value.file);
  }

  return (
    <section className="card recovery-print" aria-labelledby="recovery-title">
      <h2 id="recovery-title" ref={title} tabIndex={-1}>
        Your recovery code
      </h2>
      <p className="recovery-why">
        If you forget your passphrase, this code is the only way back in. Nobody else — not your organisation,
        not us — can recover it.
      </p>
      <p className="recovery-code" data-testid="recovery-code">
        {code}
      </p>
      <p className="recovery-print-line">
        Stillroom recovery code. Keep it somewhere private. It works once.
      </p>
      <p className="hint recovery-screen-only">
        Copy it into a password manager, print it, or write it down, and keep it somewhere private. It will
        not be shown again, and it works once.
      </p>
      <div className="actions recovery-screen-only">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="secondary" onClick={() => void save()}>
          Save to a file…
        </button>
      </div>
      <p role="status" className="recovery-screen-only">
        {status}
      </p>
      {saved && (
        <div className="recovery-screen-only">
          <SavedFileNotice file={saved} />
        </div>
      )}
      <label className="choice recovery-screen-only">
        <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />I have
        kept my recovery code somewhere safe
      </label>
      <div className="actions recovery-screen-only">
        <button type="button" disabled={!kept} onClick={onDone}>
          Continue
        </button>
      </div>
    </section>
  );
}
