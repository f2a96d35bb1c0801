import { useCallback, useEffect, useState } from 'react';
import type { CallOutput, ShareData, ShareHistoryEntry, ShareSelection } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { DraftOffer } from '../../components/DraftOffer';
import { FormMessage } from '../../components/FormMessage';
import { useDraft } from '../../components/use-draft';
import { formatDayTime } from '../../components/format';
import { ScreenHeader } from '../../components/ScreenHeader';
import { CoachView } from './CoachView';
import { ExportPanel } from './ExportPanel';
import { countChosen, EMPTY_SELECTION, SharePicker } from './SharePicker';
import { ShareReport } from './ShareReport';

type View = { kind: 'choose' } | { kind: 'preview'; data: ShareData } | { kind: 'open' };

function describeCounts(entry: ShareHistoryEntry): string {
  const { counts } = entry;
  const parts = [
    [counts.diaryEntries, 'diary entry', 'diary entries'],
    [counts.thoughtRecords, 'thought record', 'thought records'],
    [counts.checkins, 'check-in result', 'check-in results'],
    [counts.trends, 'trend', 'trends'],
    [counts.courseModules, 'course module', 'course modules'],
    [counts.courseAnswers, 'exercise answer', 'exercise answers'],
  ] as const;
  const listed = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  if (counts.note) listed.push('a note');
  if (counts.supportPreference) listed.push('your support preference');
  return listed.join(', ');
}

/**
 * What the person has chosen so far, kept in memory, so leaving the screen or an auto-lock does
 * not throw away their choices. The note, their own words, is also kept as an encrypted draft in
 * the vault (share.note), so a reload or a restart loses none of it. Cleared once exported.
 */
let draft: ShareSelection = EMPTY_SELECTION;

/** The offer's buttons go once one is chosen; focus moves on to the note that takes their place. */
function focusNoteSoon(): void {
  requestAnimationFrame(() => document.getElementById('share-note')?.focus());
}

export function ShareScreen() {
  const api = useApi();
  const [view, setView] = useState<View>({ kind: 'choose' });
  const [sources, setSources] = useState<CallOutput<'share.sources'>>();
  const [history, setHistory] = useState<ShareHistoryEntry[]>([]);
  const [selection, setSelectionState] = useState<ShareSelection>(() => draft);
  const setSelection = useCallback((next: ShareSelection) => {
    draft = next;
    setSelectionState(next);
  }, []);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [confirmClear, setConfirmClear] = useState(false);
  const kept = useDraft('share.note', { note: selection.note }, (restored) =>
    setSelection({ ...draft, note: restored.note ?? '' }),
  );

  const load = useCallback(async () => {
    const [found, past] = await Promise.all([call(api, 'share.sources', {}), call(api, 'share.history', {})]);
    if (found.ok) setSources(found.value);
    else setMessage({ error: found.error.message });
    if (past.ok) setHistory(past.value.entries);
  }, [api]);

  useEffect(() => {
    // Loading what can be shared when the screen opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function preview() {
    if (countChosen(selection) === 0) {
      setMessage({ error: 'Choose at least one thing to share first.' });
      return;
    }
    setMessage({});
    const result = await call(api, 'share.preview', selection);
    if (result.ok) setView({ kind: 'preview', data: result.value.data });
    else setMessage({ error: result.error.message });
  }

  async function clearHistory() {
    const result = await call(api, 'share.clearHistory', {});
    setConfirmClear(false);
    if (result.ok) {
      setHistory(result.value.entries);
      setMessage({ success: 'Your sharing history is cleared.' });
    } else setMessage({ error: result.error.message });
  }

  const coach = sources?.coach;
  const chosen = countChosen(selection);

  if (view.kind === 'open') {
    return (
      <>
        <ScreenHeader title="Share with a coach" />
        <CoachView onClose={() => setView({ kind: 'choose' })} />
      </>
    );
  }

  if (view.kind === 'preview') {
    return (
      <>
        <ScreenHeader title="Share with a coach">
          This is exactly what your coach will see. Nothing else goes in the file.
        </ScreenHeader>
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <ShareReport data={view.data} />
        </section>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setView({ kind: 'choose' })}>
            Back to my choices
          </button>
        </div>
        {sources && (
          <ExportPanel
            selection={selection}
            onExported={() => {
              // Exported: the choices are done with, here and on the next visit alike.
              setSelection(EMPTY_SELECTION);
              kept.clear({ note: '' });
              void load();
            }}
          />
        )}
      </>
    );
  }

  return (
    <>
      <ScreenHeader title="Share with a coach">
        You choose exactly what to share. Stillroom puts it in one encrypted file that only your coach can
        open. Nothing is sent anywhere: you pass the file on yourself.
      </ScreenHeader>
      {coach && (
        <section className="card" aria-labelledby="coach-title">
          <h2 id="coach-title">Your organisation’s coach</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{coach.name}</dd>
            {coach.email && (
              <>
                <dt>Email</dt>
                <dd>{coach.email}</dd>
              </>
            )}
            {coach.phone && (
              <>
                <dt>Phone</dt>
                <dd>{coach.phone}</dd>
              </>
            )}
          </dl>
          {coach.note && <p>{coach.note}</p>}
        </section>
      )}
      <FormMessage {...message} />
      {sources && !sources.exportAllowed ? (
        <p className="notice">Your organisation has turned off exports on this computer.</p>
      ) : (
        sources && (
          <section aria-labelledby="choose-title">
            <h2 id="choose-title">Choose what to share</h2>
            <SharePicker
              sources={sources}
              selection={selection}
              onChange={setSelection}
              noteOffer={
                kept.offer && (
                  <DraftOffer
                    updatedAt={kept.offer.updatedAt}
                    onCarryOn={() => {
                      kept.carryOn();
                      focusNoteSoon();
                    }}
                    onStartAfresh={() => {
                      kept.startAfresh();
                      focusNoteSoon();
                    }}
                  />
                )
              }
            />
            <div className="actions">
              <button type="button" onClick={() => void preview()} aria-disabled={chosen === 0}>
                Preview what your coach will see
              </button>
              <span className="muted" aria-live="polite">
                {chosen === 0 ? 'Nothing chosen yet.' : `${chosen} chosen.`}
              </span>
            </div>
          </section>
        )
      )}
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">Are you a coach?</h2>
        <p>Open a file someone shared with you. It is shown here only and never saved.</p>
        <button type="button" className="secondary" onClick={() => setView({ kind: 'open' })}>
          Open a shared file
        </button>
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">What you have shared</h2>
        {history.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <>
            <ul className="entry-list" aria-label="Sharing history">
              {history.map((entry) => (
                <li key={entry.id} className="entry">
                  <p>
                    <strong>{formatDayTime(entry.exportedAt)}</strong> for {entry.recipientLabel}
                  </p>
                  <p className="muted">
                    {describeCounts(entry)} · {entry.method === 'passphrase' ? 'passphrase' : 'coach’s key'} ·{' '}
                    {entry.fileName}
                  </p>
                </li>
              ))}
            </ul>
            {confirmClear ? (
              <div className="actions" role="group" aria-label="Clear history?">
                <span>Clear this history? The files you exported are not touched.</span>
                <button type="button" onClick={() => void clearHistory()}>
                  Yes, clear it
                </button>
                <button type="button" className="secondary" onClick={() => setConfirmClear(false)}>
                  Keep it
                </button>
              </div>
            ) : (
              <button type="button" className="secondary" onClick={() => setConfirmClear(true)}>
                Clear history
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
