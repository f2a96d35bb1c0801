import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useNewPassphrase } from '../../components/NewPassphraseFields';
import { useFormAction } from '../../components/use-form-action';
import { RecoveryCodePanel } from './RecoveryCodePanel';
import { GateHelp } from '../help';

/** First run: explain in two sentences, choose a passphrase, keep the recovery code. */
export function SetupScreen({ status, onReady }: { status: VaultStatus; onReady: () => void }) {
  const api = useApi();
  const choice = useNewPassphrase();
  const [useKeychain, setUseKeychain] = useState(status.keychain.available);
  const { busy, message, run, fail } = useFormAction();
  const [recoveryCode, setRecoveryCode] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = choice.problem();
    if (problem) return fail(problem);
    const request = { passphrase: choice.passphrase, useKeychain: useKeychain && status.keychain.available };
    void run(
      () => call(api, 'vault.create', request),
      (value) => {
        setRecoveryCode(value.recoveryCode);
        return undefined;
      },
    );
  }

  return (
    <main className="standalone">
      <GateHelp />
      <h1>Welcome to Stillroom</h1>
      {recoveryCode ? (
        <RecoveryCodePanel code={recoveryCode} onDone={onReady} />
      ) : (
        <form className="card" onSubmit={submit} aria-busy={busy}>
          <h2>Keep what you write private</h2>
          <p>
            Everything you write in Stillroom is encrypted and stays on this computer. Choose a passphrase to
            lock it; nobody else, not even your organisation, can read it without your passphrase.
          </p>
          {choice.fields('Passphrase', {
            autoFocus: true,
            hint: 'At least 8 characters. A few unrelated words work well.',
          })}
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
          <FormMessage {...message} />
          <div className="actions">
            <button type="submit" aria-disabled={busy}>
              {busy ? 'Setting up… (a few seconds)' : 'Set up Stillroom'}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
