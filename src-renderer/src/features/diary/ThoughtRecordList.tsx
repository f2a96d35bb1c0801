import { useCallback, useEffect, useState } from 'react';
import type { ThoughtRecord } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { formatDayTime } from '../../components/format';
import { beliefChange } from './belief';
import './diary.css';

/** Why, how long, and the records so far: drafts first to hand, each a click from resuming. */
export function ThoughtRecordList({
  onOpen,
  onStart,
  onDelete,
  reloadKey,
}: {
  onOpen: (id: string) => void;
  onStart: () => void;
  onDelete: (record: ThoughtRecord) => void;
  reloadKey: number;
}) {
  const api = useApi();
  const [records, setRecords] = useState<ThoughtRecord[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    const result = await call(api, 'thoughts.list', { limit: 10 });
    if (result.ok) {
      setRecords(result.value.records);
      setTotal(result.value.total);
    } else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    // Reading the records when the screen opens (or one is put back) is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, reloadKey]);

  return (
    <section className="card" aria-labelledby="thoughts-title">
      <h2 id="thoughts-title" tabIndex={-1}>
        Thought records
      </h2>
      <p>
        When a thought keeps stinging, writing it down and weighing the evidence helps you see it more fairly.
        A full record takes about 10 minutes. Short on time? Write the situation, the thought and a balanced
        thought in about 5, and finish it another day.
      </p>
      <div className="actions">
        <button type="button" onClick={onStart}>
          Start a thought record
        </button>
      </div>
      <FormMessage error={error} />
      {records && records.length > 0 && (
        <>
          <h3 className="list-title">Your recent records</h3>
          {total > records.length && (
            <p className="muted">
              The {records.length} most recent of {total}.
            </p>
          )}
          <ul className="entry-list" aria-label="Recent thought records">
            {records.map((record) => {
              const when = formatDayTime(record.occurredAt);
              const title = record.situation.trim() || 'No situation written yet';
              return (
                <li key={record.id} className="entry" data-testid="thought-record">
                  <div className="entry-meta">
                    <span>{when}</span>
                    {record.status === 'draft' && <span className="tag">draft</span>}
                  </div>
                  <p>{title}</p>
                  {record.balancedThought && (
                    <p className="muted">Balanced thought: {record.balancedThought}</p>
                  )}
                  {beliefChange(record) && (
                    <p className="belief-change" data-testid="belief-change">
                      Belief in the thought: {beliefChange(record)}
                    </p>
                  )}
                  <div className="entry-actions">
                    <button type="button" className="link-button" onClick={() => onOpen(record.id)}>
                      {record.status === 'draft' ? 'Resume' : 'Open'}
                      <span className="visually-hidden"> thought record from {when}</span>
                    </button>
                    <button type="button" className="link-button" onClick={() => onDelete(record)}>
                      Delete<span className="visually-hidden"> thought record from {when}</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
