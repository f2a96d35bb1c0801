import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CallOutput, SavedFile } from '../../../../src-main/contract';
import { ERASE_CONFIRMATION } from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { clearPageStorage } from '../../api/connect';
import { useCallResult } from '../../api/use-call-result';
import { FormMessage } from '../../components/FormMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { saveFile } from '../../components/save-file';
import { SavedFileNotice } from '../../components/SavedFileNotice';
import { useFormAction } from '../../components/use-form-action';
import './data-rights.css';

type Overview = CallOutput<'data.overview'>;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Your data, your choice: take all of it away in an open format, or erase all of it. */
export function DataRights() {
  const { value: overview, error } = useCallResult('data.overview');
  return (
    <section className="card data-rights" aria-labelledby="settings-data-rights">
      <h2 id="settings-data-rights">Your data</h2>
      <p>
        Everything you write in Stillroom is yours. You can take a copy of all of it, or erase all of it from
        this computer.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <details>
        <summary>Export everything</summary>
        <ExportEverything />
      </details>
      <details>
        <summary>Erase everything</summary>
        <EraseEverything overview={overview} />
      </details>
    </section>
  );
}

function ExportEverything() {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [saved, setSaved] = useState<SavedFile>();
  const { busy, message, run } = useFormAction();

  async function suggest() {
    const result = await call(api, 'share.suggestPassphrase', {});
    if (result.ok) setPassphrase(result.value.passphrase);
  }

  useEffect(() => {
    // A fresh suggestion when the form opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void suggest();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    // Where it goes is asked by the save dialog (Documents first, never Stillroom's own folder,
    // which erasing empties); the browser host downloads it.
    void run(
      () =>
        saveFile(
          api.files,
          'full-export',
          (target) => call(api, 'data.exportAll', { passphrase, target }),
          (value) => value.file,
        ),
      (value) => {
        if (value) setSaved(value.file);
        return undefined;
      },
    );
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <p>
        One encrypted file with all of it: a page you can read in any browser, and the same data as{' '}
        <code>data.json</code>, in an open format other apps can read. Any age tool opens it with the
        passphrase.
      </p>
      <PassphraseField
        autoComplete="off"
        label="Passphrase for the file"
        hint="Stillroom suggests random words. Write them down somewhere safe, away from the file."
        value={passphrase}
        onChange={setPassphrase}
        onSuggest={() => void suggest()}
      />
      <FormMessage {...message} />
      {saved && (
        <SavedFileNotice file={saved}>
          <p>Keep the passphrase with it: without it, nobody can open the file, not even you.</p>
        </SavedFileNotice>
      )}
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Locking the file… (a few seconds)' : 'Export everything…'}
        </button>
      </div>
    </form>
  );
}

function EraseEverything({ overview }: { overview: Overview | undefined }) {
  const api = useApi();
  const [confirm, setConfirm] = useState('');
  const [backups, setBackups] = useState(false);
  const [safetyCopies, setSafetyCopies] = useState(false);
  const { busy, message, run, fail } = useFormAction();
  const confirmId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirm.trim() !== ERASE_CONFIRMATION) {
      return fail(`Type ${ERASE_CONFIRMATION} in capitals to confirm. Nothing has been erased.`);
    }
    void run(
      () => call(api, 'data.eraseAll', { confirm: ERASE_CONFIRMATION, backups, safetyCopies }),
      () => {
        clearPageStorage(window);
        // A fresh start: first-run setup, with nothing of the old session in memory.
        window.location.reload();
        return 'Everything is erased. Stillroom will start afresh.';
      },
    );
  }

  return (
    <form onSubmit={submit} aria-busy={busy} className="erase-panel" aria-labelledby={`${confirmId}-title`}>
      <h3 id={`${confirmId}-title`}>Erase everything from this computer</h3>
      <p>
        This removes, for good: your diaries, thought records, check-ins, safety plan, course answers, session
        rooms, drafts, reminders and settings, and the key that opens them. Stillroom then starts again as if
        new. If you might want any of it later, export everything first.
      </p>
      <fieldset className="choice-group">
        <legend>Also erase</legend>
        <label className="choice">
          <input type="checkbox" checked={backups} onChange={(event) => setBackups(event.target.checked)} />
          <span>
            Backups in Stillroom’s folder
            {overview ? ` (${plural(overview.backups, 'backup', 'backups')})` : ''}
          </span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={safetyCopies}
            onChange={(event) => setSafetyCopies(event.target.checked)}
          />
          <span>
            Safety copies kept when you restored a backup
            {overview ? ` (${plural(overview.safetyCopies, 'copy', 'copies')})` : ''}
          </span>
        </label>
      </fieldset>
      <p>
        <strong>What Stillroom cannot erase:</strong> files you have exported or backed up to other folders,
        and anything you sent to someone
        {overview && overview.sharedFiles > 0
          ? ` (you have exported ${plural(overview.sharedFiles, 'file', 'files')} for a coach)`
          : ''}
        . Delete those yourself if you want them gone.
      </p>
      <div className="field">
        <label htmlFor={confirmId}>Type {ERASE_CONFIRMATION} to confirm</label>
        <input
          id={confirmId}
          value={confirm}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setConfirm(event.target.value)}
        />
      </div>
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" className="danger" aria-disabled={busy}>
          {busy ? 'Erasing…' : 'Erase everything'}
        </button>
      </div>
    </form>
  );
}
