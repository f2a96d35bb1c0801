import { useEffect, useId, useState } from 'react';
import type { CallOutput } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';
import { calendarDay } from './topics';

/**
 * Library updates: the signed content packs applied, any that were refused at start, and a way
 * to add one from a file. Stillroom checks the signature and every article before anything
 * changes, so a bad file is refused with the reason and the library stays as it was.
 */
export function ContentPacks({ onApplied }: { onApplied: () => void }) {
  const api = useApi();
  const pathId = useId();
  const [packs, setPacks] = useState<CallOutput<'library.packs'>>();
  const [path, setPath] = useState('');
  const { busy, message, run, fail } = useFormAction();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call(api, 'library.packs', {}).then((result) => {
      if (live && result.ok) setPacks(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, version]);

  function importPack(event: React.FormEvent) {
    event.preventDefault();
    if (path.trim() === '') {
      fail('Type where the update file is: its full path, ending in .stillroom-pack.');
      return;
    }
    void run(
      () => call(api, 'library.importPack', { path: path.trim() }),
      ({ pack, added }) => {
        setPath('');
        setVersion((n) => n + 1);
        onApplied();
        const articles = added.length === 1 ? '1 new article' : `${added.length} new articles`;
        return `“${pack.title}” was added to your library${added.length > 0 ? `, with ${articles}` : ''}.`;
      },
    );
  }

  return (
    <section className="card" aria-labelledby="packs-title">
      <h2 id="packs-title">Library updates</h2>
      <p className="muted">
        New and updated articles come in signed update files. Your organisation may add them for you.
        Stillroom checks each one before using it.
      </p>
      {packs && packs.packs.length > 0 && (
        <ul className="link-list">
          {packs.packs.map((pack) => (
            <li key={pack.id}>
              {pack.title}, version {pack.version}, {calendarDay(pack.date)}
              {pack.from === 'policy' ? ' (from your organisation)' : ''}
            </li>
          ))}
        </ul>
      )}
      {packs?.problems.map((problem) => (
        <p key={problem} className="notice">
          {problem}
        </p>
      ))}
      <form onSubmit={importPack} aria-busy={busy}>
        <div className="field">
          <label htmlFor={pathId}>Add an update file</label>
          <input
            id={pathId}
            value={path}
            autoComplete="off"
            maxLength={1000}
            placeholder="Where the .stillroom-pack file is"
            onChange={(event) => setPath(event.target.value)}
          />
        </div>
        <FormMessage error={message.error} success={message.success} />
        <div className="actions">
          <button type="submit" aria-disabled={busy}>
            {busy ? 'Checking…' : 'Check and add'}
          </button>
        </div>
      </form>
    </section>
  );
}
