import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { passphraseProblem } from './passphrase-rules';
import { RecoveryCodePanel } from './RecoveryCodePanel';

/** First run: explain in two sentences, choose a passphrase, keep the recovery code. */
export function SetupScreen({ status, onReady }: { status: VaultStatus; onReady: () => void }) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [useKeychain, setUseKeychain] = useState(status.keychain.available);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [recoveryCode, setRecoveryCode] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    const result = await call(api, 'vault.create', {
      passphrase,
      useKeychain: useKeychain && status.keychain.available,
    });
    setBusy(false);
    if (result.ok) setRecoveryCode(result.value.recoveryCode);
    else setError(result.error.message);
  }

  return (
    <main className="standalone">
      <h1>Welcome to Stillroom</h1>
      {recoveryCode ? (
        <RecoveryCodePanel code={recoveryCode} onDone={onReady} />
      ) : (
        <form className="card" onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <h2>Keep what you write private</h2>
          <p>
            Everything you write in Stillroom is encrypted and stays on this computer. Choose a passphrase to
            lock it; nobody else, not even your organisation, can read it without your passphrase.
          </p>
          <PassphraseField
            label="Passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="new-password"
            autoFocus
            hint="At least 8 characters. A few unrelated words work well."
          />
          <PassphraseField
            label="Type it again"
            value={confirmation}
            onChange={setConfirmation}
            autoComplete="new-password"
          />
          {status.keychain.available && (
            <label className="choice">
              <input
                type="checkbox"
                checked={useKeychain}
                onChange={(event) => setUseKeychain(event.target.checked)}
              />
              Also let this computer&apos;s keychain unlock Stillroom when I sign in
            </label>
          )}
          <FormMessage error={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Setting up… (a few seconds)' : 'Set up Stillroom'}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
