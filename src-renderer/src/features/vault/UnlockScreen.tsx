import { useEffect, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { RecoverForm } from './RecoverForm';
import { GateHelp } from '../help';

/** The lock screen: passphrase (or keychain), with the recovery code one link away. */
export function UnlockScreen({
  status,
  onStatus,
}: {
  status: VaultStatus;
  onStatus: (s: VaultStatus) => void;
}) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [waitUntil, setWaitUntil] = useState(() => Date.now() + status.retryAfterMs);
  const [now, setNow] = useState(() => Date.now());
  const [recovering, setRecovering] = useState(false);

  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  useEffect(() => {
    if (waitSeconds === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waitSeconds]);

  async function unlock(request: { method: 'passphrase'; passphrase: string } | { method: 'keychain' }) {
    // The buttons are aria-disabled, not disabled, while busy or waiting: disabled drops focus.
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result = await call(api, 'vault.unlock', request);
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onStatus(result.value);
      return;
    }
    setError(result.error.message);
    const status = await call(api, 'vault.status', {});
    if (status.ok) {
      setWaitUntil(Date.now() + status.value.retryAfterMs);
      setNow(Date.now());
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (waitSeconds > 0) return;
    if (passphrase.length === 0) return setError('Type your passphrase to unlock.');
    void unlock({ method: 'passphrase', passphrase });
  }

  if (recovering) {
    return (
      <main className="standalone">
        <GateHelp />
        <h1>Use your recovery code</h1>
        <RecoverForm onCancel={() => setRecovering(false)} onDone={onStatus} />
      </main>
    );
  }

  return (
    <main className="standalone">
      <GateHelp />
      <h1>Stillroom is locked</h1>
      {status.problem && <p className="notice">{status.problem.message}</p>}
      <form className="card" onSubmit={submit} aria-busy={busy}>
        <PassphraseField
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
        />
        <FormMessage error={error} />
        {waitSeconds > 0 && (
          <p role="status" className="notice">
            Take a breath: you can try again in {waitSeconds} second{waitSeconds === 1 ? '' : 's'}.
          </p>
        )}
        <div className="actions">
          <button type="submit" aria-disabled={busy || waitSeconds > 0}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          {status.unlockMethods.includes('keychain') && (
            <button
              type="button"
              className="secondary"
              aria-disabled={busy}
              onClick={() => void unlock({ method: 'keychain' })}
            >
              Unlock with this computer&apos;s keychain
            </button>
          )}
        </div>
      </form>
      {status.unlockMethods.includes('recovery') && (
        <p>
          <button type="button" className="link-button" onClick={() => setRecovering(true)}>
            Forgotten your passphrase? Use your recovery code
          </button>
        </p>
      )}
    </main>
  );
}
