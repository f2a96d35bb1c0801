import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult, StressEntry, ThoughtRecord } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { FormMessage } from '../../components/FormMessage';
import { ScreenHeader } from '../../components/ScreenHeader';
import { UndoStatus, type UndoOffer } from '../../components/UndoStatus';
import { splitDiaryItem } from './diary-links';
import { DiarySearch } from './DiarySearch';
import { QuickEntryForm } from './QuickEntryForm';
import { StressWeek } from './StressWeek';
import { ThoughtRecordForm } from './ThoughtRecordForm';
import { ThoughtRecordList } from './ThoughtRecordList';
import { startOfWeek } from './week';

type View = { kind: 'overview' } | { kind: 'thought'; id?: string };

/** Where a link into the diary (see diary-links.ts) opens it: a thought record, or an entry in its week. */
function opening(item: string | undefined): { view: View; entry?: { id: string; weekStart: Date } } {
  const [kind, id, occurredAt] = splitDiaryItem(item);
  if (kind === 'thought' && id) return { view: { kind: 'thought', id } };
  const at = occurredAt ? new Date(occurredAt) : undefined;
  if (kind === 'stress' && id && at && !Number.isNaN(at.getTime()))
    return { view: { kind: 'overview' }, entry: { id, weekStart: startOfWeek(at) } };
  return { view: { kind: 'overview' } };
}

/**
 * The diary: a quick stress note first (lack of time is the main barrier), search, the week's
 * entries, and thought records. Deleting is immediate, with Undo for a few seconds.
 */
export function DiaryScreen() {
  const api = useApi();
  const { item } = useNavigation();
  const [start] = useState(() => opening(item));
  const [view, setView] = useState<View>(start.view);
  const [weekStart, setWeekStart] = useState(() => start.entry?.weekStart ?? startOfWeek(new Date()));
  const [editingId, setEditingId] = useState<string>();
  const [reloadKey, setReloadKey] = useState(0);
  const [offer, setOffer] = useState<UndoOffer>();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const root = useRef<HTMLDivElement>(null);
  const firstView = useRef(true);

  const reload = () => setReloadKey((key) => key + 1);
  const expire = useCallback(() => setOffer(undefined), []);

  useEffect(() => {
    // Moving between the diary and a thought record: land on the new view's heading.
    if (firstView.current) firstView.current = false;
    else if (view.kind === 'overview') root.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [view]);

  function focusLater(id: string) {
    window.setTimeout(() => document.getElementById(id)?.focus(), 0);
  }

  async function deleteEntry(entry: StressEntry) {
    setMessage({});
    const result = await call(api, 'diary.delete', { id: entry.id });
    if (!result.ok) return setMessage({ error: result.error.message });
    const deleted = result.value;
    reload();
    setOffer({
      key: Date.now(),
      message: 'Entry deleted.',
      undo: () => {
        setOffer(undefined);
        void call(api, 'diary.restore', deleted).then((restored) => {
          if (restored.ok) {
            setMessage({ success: 'Entry put back.' });
            setWeekStart(startOfWeek(new Date(deleted.occurredAt)));
            reload();
          } else setMessage({ error: `Could not put it back: ${restored.error.message}` });
          focusLater('week-title');
        });
      },
    });
  }

  async function deleteRecord(record: ThoughtRecord) {
    setMessage({});
    const result = await call(api, 'thoughts.delete', { id: record.id });
    if (!result.ok) return setMessage({ error: result.error.message });
    const deleted = result.value;
    reload();
    setOffer({
      key: Date.now(),
      message: 'Thought record deleted.',
      undo: () => {
        setOffer(undefined);
        void call(api, 'thoughts.restore', deleted).then((restored) => {
          if (restored.ok) {
            setMessage({ success: 'Thought record put back.' });
            reload();
          } else setMessage({ error: `Could not put it back: ${restored.error.message}` });
          focusLater('thoughts-title');
        });
      },
    });
  }

  function open(result: SearchResult) {
    setMessage({});
    if (result.kind === 'thought') return setView({ kind: 'thought', id: result.id });
    setWeekStart(startOfWeek(new Date(result.occurredAt)));
    setEditingId(result.id);
  }

  if (view.kind === 'thought') {
    return (
      <ThoughtRecordForm
        id={view.id}
        onClose={(closing) => {
          setMessage(closing ? { success: closing } : {});
          setOffer(undefined);
          reload();
          setView({ kind: 'overview' });
        }}
      />
    );
  }

  return (
    <div ref={root}>
      <ScreenHeader title="Diary">Notice what stresses you, and what helps.</ScreenHeader>
      <UndoStatus offer={offer} onExpire={expire} />
      <FormMessage {...message} />
      <QuickEntryForm onSaved={() => reload()} />
      <DiarySearch onOpen={open} />
      <StressWeek
        weekStart={weekStart}
        onWeekChange={setWeekStart}
        editingId={editingId}
        onEdit={setEditingId}
        onDelete={(entry) => void deleteEntry(entry)}
        reloadKey={reloadKey}
        focusId={start.entry?.id}
      />
      <ThoughtRecordList
        onOpen={(id) => setView({ kind: 'thought', id })}
        onStart={() => setView({ kind: 'thought' })}
        onDelete={(record) => void deleteRecord(record)}
        reloadKey={reloadKey}
      />
    </div>
  );
}
