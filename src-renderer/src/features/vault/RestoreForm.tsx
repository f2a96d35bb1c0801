import { useState, type FormEvent } from 'react';
import type { PickedFile } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { ChooseFileField } from '../../components/ChooseFileField';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { RecoveryCodePanel } from './RecoveryCodePanel';

/**
 * Restore from a backup file. When a vault already exists, the user must confirm; the current
 * data is moved to a safety copy, never deleted.
 */
export function RestoreForm({ vaultExists, onDone }: { vaultExists: boolean; onDone: () => void }) {
  const api = useApi();
  const [file, setFile] = useState<PickedFile>();
  const [passphrase, setPassphrase] = useState('');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ recoveryCode: string; safetyCopy?: string }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!file) return setError('Choose the backup file first.');
    if (vaultExists && !replace)
      return setError('Tick the box to confirm that this backup replaces your current data.');
    setBusy(true);
    setError(undefined);
    const result = await call(api, 'vault.restore', {
      file: file.id,
      passphrase,
      replaceExisting: replace,
    });
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setError(result.error.message);
  }

  if (done) {
    return (
      <>
        <p role="status" className="success">
          Your backup is restored. Your passphrase is now the one you used for the backup.
          {done.safetyCopy && ` Your previous data was kept in ${done.safetyCopy}.`}
        </p>
        <RecoveryCodePanel code={done.recoveryCode} onDone={onDone} />
      </>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ChooseFileField
        kind="backup"
        label="Backup file"
        file={file}
        onChosen={(chosen) => {
          setFile(chosen);
          setError(undefined);
        }}
        onError={setError}
      />
      <PassphraseField
        label="Passphrase used for the backup"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="off"
      />
      {vaultExists && (
        <label className="choice">
          <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} />
          Replace my current data with this backup (it is kept as a safety copy)
        </label>
      )}
      <FormMessage error={error} />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Restoring… (a few seconds)' : 'Restore backup'}
        </button>
      </div>
    </form>
  );
}
