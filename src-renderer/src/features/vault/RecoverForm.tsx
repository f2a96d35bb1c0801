import { useId, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { passphraseProblem } from './passphrase-rules';
import { RecoveryCodePanel } from './RecoveryCodePanel';

/** Recovery code → new passphrase → a new recovery code (the old one is used up). */
export function RecoverForm({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  onDone: (status: VaultStatus) => void;
}) {
  const api = useApi();
  const codeId = useId();
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [newCode, setNewCode] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    const result = await call(api, 'vault.recover', { recoveryCode: code, newPassphrase: passphrase });
    setBusy(false);
    if (result.ok) setNewCode(result.value.recoveryCode);
    else setError(result.error.message);
  }

  async function finish() {
    const status = await call(api, 'vault.status', {});
    if (status.ok) onDone(status.value);
  }

  if (newCode) return <RecoveryCodePanel code={newCode} onDone={() => void finish()} />;

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <p>Type the recovery code you kept when you set up Stillroom, then choose a new passphrase.</p>
      <div className="field">
        <label htmlFor={codeId}>Recovery code</label>
        <input
          id={codeId}
          value={code}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(event) => setCode(event.target.value)}
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
        />
      </div>
      <PassphraseField
        label="New passphrase"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="new-password"
      />
      <PassphraseField
        label="Type it again"
        value={confirmation}
        onChange={setConfirmation}
        autoComplete="new-password"
      />
      <FormMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Set new passphrase'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Back
        </button>
      </div>
    </form>
  );
}
