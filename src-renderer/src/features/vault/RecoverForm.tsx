import { useId, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useNewPassphrase } from '../../components/NewPassphraseFields';
import { useFormAction } from '../../components/use-form-action';
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
  const choice = useNewPassphrase();
  const { busy, message, run, fail } = useFormAction();
  const [newCode, setNewCode] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = choice.problem();
    if (problem) return fail(problem);
    void run(
      () => call(api, 'vault.recover', { recoveryCode: code, newPassphrase: choice.passphrase }),
      (value) => {
        setNewCode(value.recoveryCode);
        return undefined;
      },
    );
  }

  async function finish() {
    const status = await call(api, 'vault.status', {});
    if (status.ok) onDone(status.value);
  }

  if (newCode) return <RecoveryCodePanel code={newCode} onDone={() => void finish()} />;

  return (
    <form className="card" onSubmit={submit} aria-busy={busy}>
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
      {choice.fields('New passphrase')}
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Checking…' : 'Set new passphrase'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Back
        </button>
      </div>
    </form>
  );
}
