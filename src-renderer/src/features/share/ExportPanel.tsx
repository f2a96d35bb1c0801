import { useEffect, useRef, useState } from 'react';
import type { CallOutput, ShareSelection, ShareStage } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { saveFile } from '../../components/save-file';
import { SavedFileNotice } from '../../components/SavedFileNotice';
import { PassphraseField } from '../../components/PassphraseField';
import { passphraseStrength, STRENGTH_WORDS } from './passphrase-strength';

const STAGE_TEXT: Record<ShareStage, string> = {
  preparing: 'Gathering what you chose…',
  protecting: 'Locking the file with your passphrase. This takes a few seconds…',
  encrypting: 'Encrypting…',
  writing: 'Saving the file…',
  done: 'Done.',
  cancelled: 'Stopped. No file was saved.',
  failed: 'The export did not finish. No file was saved.',
};

type Done = Extract<CallOutput<'share.export'>, { status: 'done' }>;

/** Who it is for, how it is locked, where it goes; then the export with its progress. */
export function ExportPanel({
  selection,
  onExported,
}: {
  selection: ShareSelection;
  onExported: () => void;
}) {
  const api = useApi();
  const [label, setLabel] = useState('');
  const [method, setMethod] = useState<'passphrase' | 'recipient'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recipient, setRecipient] = useState('');
  const [running, setRunning] = useState<{ exportId: string; stage: ShareStage; fraction: number }>();
  const [done, setDone] = useState<Done>();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const exportId = useRef<string | undefined>(undefined);
  const strength = passphraseStrength(passphrase);

  async function suggest() {
    const result = await call(api, 'share.suggestPassphrase', {});
    if (result.ok) {
      setPassphrase(result.value.passphrase);
    } else setMessage({ error: result.error.message });
  }

  useEffect(() => {
    // A fresh suggestion when the panel opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void suggest();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(
    () =>
      api.on('share.progress', (progress) => {
        if (progress.exportId !== exportId.current) return;
        setRunning((now) => (now ? { ...now, stage: progress.stage, fraction: progress.fraction } : now));
      }),
    [api],
  );

  async function start() {
    setMessage({});
    setDone(undefined);
    if (method === 'passphrase' && strength === 'weak') {
      setMessage({ error: `${STRENGTH_WORDS.weak}, or use the suggested one.` });
      return;
    }
    const id = crypto.randomUUID();
    const result = await saveFile(
      api.files,
      'share',
      (target) => {
        exportId.current = id;
        setRunning({ exportId: id, stage: 'preparing', fraction: 0 });
        return call(api, 'share.export', {
          exportId: id,
          selection,
          recipientLabel: label,
          protection:
            method === 'passphrase' ? { kind: 'passphrase', passphrase } : { kind: 'recipient', recipient },
          target,
        });
      },
      (value) => (value.status === 'done' ? value.file : undefined),
    );
    setRunning(undefined);
    exportId.current = undefined;
    if (!result.ok) setMessage({ error: result.error.message });
    else if (result.value === null) return;
    else if (result.value.status === 'cancelled') setMessage({ success: STAGE_TEXT.cancelled });
    else {
      setDone(result.value);
      onExported();
    }
  }

  async function cancel() {
    if (running) await call(api, 'share.cancel', { exportId: running.exportId });
  }

  return (
    <section className="card share-form" aria-labelledby="export-title">
      <h2 id="export-title">Export for your coach</h2>
      <div className="field">
        <label htmlFor="share-label">Who is this for?</label>
        <p className="hint" id="share-label-hint">
          Only for your own history, such as “Sam, my coach”. It is not put in the file.
        </p>
        <input
          id="share-label"
          aria-describedby="share-label-hint"
          value={label}
          maxLength={120}
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      {method === 'passphrase' ? (
        <>
          <p className="share-method">Lock it with a password you’ll give your coach.</p>
          <PassphraseField
            autoComplete="off"
            label="Password for the file"
            hint="Stillroom suggests a few random words. Tell your coach the password by phone or in person, never in the same message as the file."
            value={passphrase}
            onChange={setPassphrase}
            onSuggest={() => void suggest()}
          />
          <p
            className={`share-strength share-strength-${strength}`}
            data-testid="share-strength"
            aria-live="polite"
          >
            <span className="visually-hidden">Password strength: </span>
            {STRENGTH_WORDS[strength]}
          </p>
        </>
      ) : (
        <div className="field">
          <label htmlFor="share-recipient">Your coach’s key</label>
          <input
            id="share-recipient"
            value={recipient}
            spellCheck={false}
            placeholder="age1…"
            onChange={(event) => setRecipient(event.target.value)}
          />
        </div>
      )}
      <details className="share-advanced" open={method === 'recipient'}>
        <summary>Advanced: your coach gave you a key</summary>
        <p className="hint">
          Some coaches use the free “age” encryption tool and give you a public key starting “age1”. Then the
          file opens only with their secret key, and there is no password to pass on.
        </p>
        <label className="choice">
          <input
            type="checkbox"
            checked={method === 'recipient'}
            onChange={(event) => setMethod(event.target.checked ? 'recipient' : 'passphrase')}
          />
          <span>Lock it with my coach’s key instead of a password</span>
        </label>
      </details>
      {running ? (
        <div className="share-progress" role="status">
          <label htmlFor="share-progress-bar">{STAGE_TEXT[running.stage]}</label>
          <progress id="share-progress-bar" max={1} value={running.fraction} />
          <button type="button" className="secondary" onClick={() => void cancel()}>
            Cancel export
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void start()}>
            Save encrypted file…
          </button>
        </div>
      )}
      <FormMessage {...message} />
      {done && (
        <SavedFileNotice file={done.file}>
          {done.entry === null && (
            <p>Stillroom locked while saving, so this one is not in your list of shared files.</p>
          )}
          <p>
            Send this file to your coach.{' '}
            {method === 'passphrase' ? 'Then tell them the password separately. ' : ''}They can open it with
            Stillroom.
          </p>
        </SavedFileNotice>
      )}
    </section>
  );
}
