import { useEffect, useId, useState, type FormEvent } from 'react';
import { AUTO_LOCK_CHOICES } from '../../../../src-main/contract/plain';
import type { SavedFile, VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { useNewPassphrase } from '../../components/NewPassphraseFields';
import { useFormAction } from '../../components/use-form-action';
import { saveFile } from '../../components/save-file';
import { SavedFileNotice } from '../../components/SavedFileNotice';
import { RestoreForm } from '../vault';

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
  const next = useNewPassphrase();
  const { busy, message, run, fail } = useFormAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = next.problem();
    if (problem) return fail(problem);
    void run(
      () => call(api, 'vault.changePassphrase', { current, next: next.passphrase }),
      () => {
        setCurrent('');
        next.clear();
        return 'Your passphrase is changed. Your recovery code still works.';
      },
    );
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <PassphraseField
        label="Current passphrase"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      {next.fields('New passphrase')}
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}

function BackupForm() {
  const api = useApi();
  const backup = useNewPassphrase();
  const { busy, message, run, fail } = useFormAction();
  const [saved, setSaved] = useState<SavedFile>();

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const problem = backup.problem();
    if (problem) return fail(problem);
    void run(
      () =>
        saveFile(
          api.files,
          'backup',
          (target) => call(api, 'vault.backup', { passphrase: backup.passphrase, target }),
          (value) => value.file,
        ),
      (value) => {
        if (!value) return undefined;
        backup.clear();
        setSaved(value.file);
        return undefined;
      },
    );
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <p>
        A backup is one encrypted file with everything in Stillroom. Choose a passphrase for it; you can use
        it to restore on a new computer.
      </p>
      {backup.fields('Backup passphrase')}
      <FormMessage {...message} />
      {saved && (
        <SavedFileNotice file={saved}>
          <p>
            Keep it somewhere other than this computer, such as a USB stick, and keep its passphrase safe: the
            backup cannot be opened without it.
          </p>
        </SavedFileNotice>
      )}
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Saving backup… (a few seconds)' : 'Save backup…'}
        </button>
      </div>
    </form>
  );
}
