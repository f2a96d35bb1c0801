import { useEffect, useId, useState, type FormEvent } from 'react';
import { AUTO_LOCK_CHOICES, type VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { passphraseProblem } from '../vault/passphrase-rules';
import { RestoreForm } from '../vault/RestoreForm';

function autoLockLabel(minutes: number): string {
  if (minutes === 0) return 'Never';
  return minutes === 1 ? 'After 1 minute' : `After ${minutes} minutes`;
}

/** Locking, passphrase, keychain, backup and restore: everything about keeping the vault safe. */
export function SecuritySettings() {
  const api = useApi();
  const [status, setStatus] = useState<VaultStatus>();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const autoLockId = useId();

  useEffect(() => {
    let live = true;
    void call(api, 'vault.status', {}).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function chooseAutoLock(minutes: number) {
    const result = await call(api, 'vault.setAutoLock', { minutes });
    if (result.ok) {
      setStatus(result.value);
      setMessage({
        success:
          minutes === 0
            ? 'Stillroom will not lock by itself.'
            : `Stillroom will lock ${autoLockLabel(minutes).toLowerCase()} without use.`,
      });
    } else setMessage({ error: result.error.message });
  }

  async function toggleKeychain(enabled: boolean) {
    const result = await call(api, 'vault.setKeychain', { enabled });
    if (result.ok) setStatus(result.value);
    else setMessage({ error: result.error.message });
  }

  return (
    <section className="card" aria-labelledby="settings-security">
      <h2 id="settings-security">Privacy and security</h2>
      <div className="field">
        <label htmlFor={autoLockId}>Lock Stillroom when I have not used it</label>
        <select
          id={autoLockId}
          value={status?.autoLockMinutes ?? 15}
          onChange={(event) => void chooseAutoLock(Number(event.target.value))}
        >
          {AUTO_LOCK_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {autoLockLabel(minutes)}
            </option>
          ))}
        </select>
      </div>
      {status?.keychain.available && (
        <label className="choice">
          <input
            type="checkbox"
            checked={status.keychain.enrolled}
            onChange={(event) => void toggleKeychain(event.target.checked)}
          />
          Let this computer&apos;s keychain unlock Stillroom
        </label>
      )}
      <FormMessage {...message} />
      <details>
        <summary>Change passphrase</summary>
        <ChangePassphraseForm />
      </details>
      <details>
        <summary>Back up your data</summary>
        <BackupForm />
      </details>
      <details>
        <summary>Restore from a backup</summary>
        <RestoreForm vaultExists onDone={() => window.location.reload()} />
      </details>
    </section>
  );
}

function ChangePassphraseForm() {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passphraseProblem(next, confirmation);
    if (problem) return setMessage({ error: problem });
    setBusy(true);
    const result = await call(api, 'vault.changePassphrase', { current, next });
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirmation('');
      setMessage({ success: 'Your passphrase is changed. Your recovery code still works.' });
    } else setMessage({ error: result.error.message });
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <PassphraseField
        label="Current passphrase"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField label="New passphrase" value={next} onChange={setNext} autoComplete="new-password" />
      <PassphraseField
        label="Type the new one again"
        value={confirmation}
        onChange={setConfirmation}
        autoComplete="new-password"
      />
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}

function BackupForm() {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem) return setMessage({ error: problem });
    setBusy(true);
    setMessage({});
    const result = await call(api, 'vault.backup', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setConfirmation('');
      setMessage({
        success: `Backup saved to ${result.value.path}. Keep its passphrase safe: the backup cannot be opened without it.`,
      });
    } else setMessage({ error: result.error.message });
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <p>
        A backup is one encrypted file with everything in Stillroom. Choose a passphrase for it; you can use
        it to restore on a new computer.
      </p>
      <PassphraseField
        label="Backup passphrase"
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
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving backup… (a few seconds)' : 'Save backup'}
        </button>
      </div>
    </form>
  );
}
