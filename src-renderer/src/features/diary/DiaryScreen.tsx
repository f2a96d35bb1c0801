import { useCallback, useEffect, useState } from 'react';
import type { StressEntry } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { ScreenHeader } from '../../components/ScreenHeader';
import { QuickEntryForm } from './QuickEntryForm';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function DiaryScreen() {
  const api = useApi();
  const [entries, setEntries] = useState<StressEntry[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    const result = await call(api, 'diary.list', { limit: 20 });
    if (result.ok) {
      setEntries(result.value.entries);
      setTotal(result.value.total);
    } else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    // Loading the entries when the screen opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function remove(entry: StressEntry) {
    if (!window.confirm('Delete this diary entry? This cannot be undone.')) return;
    const result = await call(api, 'diary.delete', { id: entry.id });
    if (result.ok) void load();
    else setError(result.error.message);
  }

  return (
    <>
      <ScreenHeader title="Diary">Notice what stresses you, and what helps.</ScreenHeader>
      <QuickEntryForm onSaved={() => void load()} />
      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent entries</h2>
        <FormMessage error={error} />
        {entries === undefined ? (
          <p aria-live="polite">Loading…</p>
        ) : entries.length === 0 ? (
          <p className="muted">
            Nothing here yet. When something stresses you, a quick note above is enough.
          </p>
        ) : (
          <>
            <p className="muted">
              Showing {entries.length} of {total}.
            </p>
            <ul className="entry-list">
              {entries.map((entry) => (
                <li key={entry.id} className="entry">
                  <div className="entry-meta">
                    <span>{dateFormat.format(new Date(entry.occurredAt))}</span>
                    <span>Stress {entry.stress} of 10</span>
                  </div>
                  <p>{entry.what}</p>
                  {entry.body && <p className="muted">Body: {entry.body}</p>}
                  {entry.thoughts && <p className="muted">Thoughts: {entry.thoughts}</p>}
                  {entry.actions && <p className="muted">I did: {entry.actions}</p>}
                  <button type="button" className="link-button" onClick={() => void remove(entry)}>
                    Delete
                    <span className="visually-hidden">
                      {' '}
                      entry from {dateFormat.format(new Date(entry.occurredAt))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <p className="muted">
        Coming next to the diary: thought records, browsing by week, search across your entries, and undo
        after deleting.
      </p>
    </>
  );
}
