import { useEffect, useRef, useState } from 'react';
import type { CallOutput, ShareSelection, ShareStage } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { saveFile } from '../../components/save-file';
import { SavedFileNotice } from '../../components/SavedFileNotice';
import { PassphraseField } from '../../components/PassphraseField';

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
  const [suggested, setSuggested] = useState<{ passphrase: string; words: number; bits: number }>();
  const [passphrase, setPassphrase] = useState('');
  const [recipient, setRecipient] = useState('');
  const [running, setRunning] = useState<{ exportId: string; stage: ShareStage; fraction: number }>();
  const [done, setDone] = useState<Done>();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const exportId = useRef<string | undefined>(undefined);

  async function suggest() {
    const result = await call(api, 'share.suggestPassphrase', {});
    if (result.ok) {
      setSuggested(result.value);
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
      <fieldset className="choice-group">
        <legend>How should the file be locked?</legend>
        <label className="choice">
          <input
            type="radio"
            name="share-method"
            checked={method === 'passphrase'}
            onChange={() => setMethod('passphrase')}
          />
          <span>With a passphrase you pass on separately</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="share-method"
            checked={method === 'recipient'}
            onChange={() => setMethod('recipient')}
          />
          <span>With your coach’s age key (if they gave you one starting “age1”)</span>
        </label>
      </fieldset>
      {method === 'passphrase' ? (
        <PassphraseField
          autoComplete="off"
          label="Passphrase"
          hint={`${
            suggested
              ? `Stillroom suggests ${suggested.words} random words: about ${suggested.bits} bits of strength, far too many to guess. `
              : ''
          }Tell your coach the passphrase by phone or in person, never in the same message as the file.`}
          value={passphrase}
          onChange={setPassphrase}
          onSuggest={() => void suggest()}
        />
      ) : (
        <div className="field">
          <label htmlFor="share-recipient">Your coach’s age key</label>
          <input
            id="share-recipient"
            value={recipient}
            spellCheck={false}
            placeholder="age1…"
            onChange={(event) => setRecipient(event.target.value)}
          />
        </div>
      )}
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
            {method === 'passphrase' ? 'Then tell them the passphrase separately.' : ''} They can open it with
            Stillroom or with the free age tool.
          </p>
        </SavedFileNotice>
      )}
    </section>
  );
}
