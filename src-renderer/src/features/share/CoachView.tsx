import { useState } from 'react';
import type { PickedFile, ShareData } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { ChooseFileField } from '../../components/ChooseFileField';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { useFormAction } from '../../components/use-form-action';
import { ShareReport } from './ShareReport';

/**
 * Opens a file someone shared: read-only, held only on this screen. Nothing from it is written to
 * this Stillroom's own data; closing the screen forgets it.
 */
export function CoachView({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [file, setFile] = useState<PickedFile>();
  const [kind, setKind] = useState<'passphrase' | 'identity'>('passphrase');
  const [secret, setSecret] = useState('');
  const [data, setData] = useState<ShareData>();
  const { busy, message, run, fail } = useFormAction();

  function open() {
    if (!file) return fail('Choose the file you were sent first.');
    void run(
      () =>
        call(api, 'share.open', {
          file: file.id,
          secret: kind === 'passphrase' ? { kind, passphrase: secret } : { kind, identity: secret },
        }),
      (opened) => {
        setData(opened.data);
        return undefined;
      },
    );
  }

  if (data) {
    return (
      <section aria-labelledby="coach-report-title">
        <h2 id="coach-report-title">Shared report (read only)</h2>
        <p className="notice">This report is shown here only. It is not saved in your Stillroom.</p>
        <ShareReport data={data} />
        <div className="actions">
          <button type="button" onClick={() => setData(undefined)}>
            Close this report
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Back to sharing
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card share-form" aria-labelledby="coach-open-title">
      <h2 id="coach-open-title">Open a file someone shared with you</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          open();
        }}
      >
        <ChooseFileField
          kind="share"
          label="The file you were sent"
          file={file}
          onChosen={setFile}
          onError={fail}
        />
        <PassphraseField
          label={kind === 'passphrase' ? 'The password you were given' : 'Your key'}
          autoComplete="off"
          value={secret}
          onChange={setSecret}
        />
        <details className="share-advanced" open={kind === 'identity'}>
          <summary>Advanced: you have a key</summary>
          <p className="hint">
            If you use the free “age” encryption tool and gave your public key to the person sharing, the file
            opens with your secret key (it starts “AGE-SECRET-KEY-1”), and there is no password.
          </p>
          <label className="choice">
            <input
              type="checkbox"
              checked={kind === 'identity'}
              onChange={(event) => {
                setKind(event.target.checked ? 'identity' : 'passphrase');
                setSecret('');
              }}
            />
            <span>Open it with my key instead of a password</span>
          </label>
        </details>
        <div className="actions">
          <button type="submit" aria-disabled={busy}>
            {busy ? 'Opening…' : 'Open file'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Back to sharing
          </button>
        </div>
        <FormMessage error={message.error} />
      </form>
    </section>
  );
}
