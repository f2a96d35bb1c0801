import { useCallback, useEffect, useRef, useState } from 'react';
import type { StressEntry } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { formatDayTime } from '../../components/format';
import { QuickEntryForm } from './QuickEntryForm';
import { addDays, startOfWeek, weekLabel } from './week';
import './diary.css';

/**
 * One local week (Monday to Sunday) of stress diary entries, newest first, with the weeks before
 * and after a button away. Each entry can be edited in place or deleted (the caller offers undo).
 */
export function StressWeek({
  weekStart,
  onWeekChange,
  editingId,
  onEdit,
  onDelete,
  reloadKey,
  focusId,
}: {
  weekStart: Date;
  onWeekChange: (start: Date) => void;
  editingId?: string;
  onEdit: (id: string | undefined) => void;
  onDelete: (entry: StressEntry) => void;
  /** Changes when entries were added or put back elsewhere, so the week is read again. */
  reloadKey: number;
  /** An entry a link led here for (from a course step): marked and focused once it shows. */
  focusId?: string;
}) {
  const api = useApi();
  const [entries, setEntries] = useState<StressEntry[]>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const isCurrent = weekStart.getTime() >= startOfWeek(new Date()).getTime();
  const { name, range } = weekLabel(weekStart);

  const load = useCallback(async () => {
    const result = await call(api, 'diary.list', {
      limit: 200,
      from: weekStart.toISOString(),
      to: addDays(weekStart, 7).toISOString(),
    });
    if (result.ok) {
      setEntries(result.value.entries);
      setError(undefined);
    } else setError(result.error.message);
  }, [api, weekStart]);

  useEffect(() => {
    if (focusId && entries?.some((entry) => entry.id === focusId))
      document.getElementById(`entry-${focusId}`)?.focus();
  }, [entries, focusId]);

  useEffect(() => {
    // Reading the week's entries when the week (or what is in it) changes is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, reloadKey]);

  function move(weeks: number) {
    if (weeks > 0 && isCurrent) return;
    onEdit(undefined);
    onWeekChange(addDays(weekStart, 7 * weeks));
  }

  return (
    <section className="card" aria-labelledby="week-title">
      <h2 id="week-title" ref={heading} tabIndex={-1}>
        Stress diary
      </h2>
      <div className="week-nav">
        <button type="button" className="secondary" onClick={() => move(-1)}>
          Previous week
        </button>
        <p className="week-label" aria-live="polite" data-testid="week-label">
          <strong>{name}</strong> <span className="muted">{range}</span>
        </p>
        <button
          type="button"
          className="secondary"
          aria-disabled={isCurrent}
          onClick={() => move(1)}
          aria-describedby={isCurrent ? 'week-next-hint' : undefined}
        >
          Next week
        </button>
        {isCurrent && (
          <span id="week-next-hint" className="visually-hidden">
            This is the current week.
          </span>
        )}
      </div>
      {!isCurrent && (
        <p>
          <button type="button" className="link-button" onClick={() => onWeekChange(startOfWeek(new Date()))}>
            Back to this week
          </button>
        </p>
      )}
      <FormMessage error={error} />
      {entries === undefined ? (
        <p aria-live="polite">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">
          {isCurrent
            ? 'Nothing here yet this week. When something stresses you, a quick note above is enough.'
            : 'No entries in this week.'}
        </p>
      ) : (
        <>
          <p className="muted">
            {entries.length === 1 ? '1 entry' : `${entries.length} entries`} in this week.
          </p>
          <ul className="entry-list" aria-label={`Entries, ${name.toLowerCase()}`}>
            {entries.map((entry) => {
              const when = formatDayTime(entry.occurredAt);
              return (
                <li
                  key={entry.id}
                  id={`entry-${entry.id}`}
                  className={entry.id === focusId ? 'entry linked' : 'entry'}
                  data-testid="stress-entry"
                  tabIndex={entry.id === focusId ? -1 : undefined}
                >
                  {editingId === entry.id ? (
                    <QuickEntryForm
                      entry={entry}
                      onCancel={() => onEdit(undefined)}
                      onSaved={() => {
                        onEdit(undefined);
                        void load();
                        heading.current?.focus();
                      }}
                    />
                  ) : (
                    <>
                      <div className="entry-meta">
                        <span>{when}</span>
                        <span>Stress {entry.stress} of 10</span>
                      </div>
                      <p>{entry.what}</p>
                      {entry.body && <p className="muted">Body: {entry.body}</p>}
                      {entry.thoughts && <p className="muted">Thoughts: {entry.thoughts}</p>}
                      {entry.actions && <p className="muted">I did: {entry.actions}</p>}
                      <div className="entry-actions">
                        <button type="button" className="link-button" onClick={() => onEdit(entry.id)}>
                          Edit<span className="visually-hidden"> entry from {when}</span>
                        </button>
                        <button type="button" className="link-button" onClick={() => onDelete(entry)}>
                          Delete<span className="visually-hidden"> entry from {when}</span>
                        </button>
                      </div>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
