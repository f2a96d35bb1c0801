import { useEffect, useState } from 'react';
import type { CallOutput, Result } from '../../../../src-main/contract';
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
  const [packs, setPacks] = useState<CallOutput<'library.packs'>>();
  const { busy, message, run } = useFormAction();
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

  /** Choose the file, then check and add it in one go: nothing changes unless it is all good. */
  function importPack() {
    void run(
      async () => {
        const chosen = await api.files.open('content-pack');
        if (!chosen.ok || chosen.value === null) return chosen as Result<null>;
        return call(api, 'library.importPack', { file: chosen.value.id });
      },
      (imported) => {
        if (imported === null) return undefined;
        const { pack, added } = imported;
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
      <div aria-busy={busy}>
        <p className="hint">Update files end in .stillroom-pack.</p>
        <div className="actions">
          <button type="button" aria-disabled={busy} onClick={() => busy || importPack()}>
            {busy ? 'Checking…' : 'Add an update file…'}
          </button>
        </div>
        <FormMessage error={message.error} success={message.success} />
      </div>
    </section>
  );
}
