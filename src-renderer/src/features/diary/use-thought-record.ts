import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThinkingTrap, ThoughtStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { EMPTY_DRAFT, fromRecord, isEmpty, toInput, type ThoughtDraft } from './thought-draft';

const AUTOSAVE_MS = 800;

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * One thought record's data: loads it (or starts a new one), keeps the draft as the person
 * types, and saves it — a draft a moment after each change and on the way out, so closing the
 * window or leaving the section loses nothing. Saves run one after another, so a new record is
 * created only once.
 */
export function useThoughtRecord(id: string | undefined) {
  const api = useApi();
  const [draft, setDraft] = useState<ThoughtDraft>(EMPTY_DRAFT);
  const [loaded, setLoaded] = useState(id === undefined);
  const [status, setStatus] = useState<ThoughtStatus>('draft');
  const [traps, setTraps] = useState<ThinkingTrap[]>([]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [problem, setProblem] = useState<string>();
  const draftRef = useRef(draft);
  const idRef = useRef(id);
  const dirty = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void call(api, 'thoughts.traps', {}).then((result) => {
      if (live && result.ok) setTraps(result.value.traps);
    });
    if (id) {
      void call(api, 'thoughts.get', { id }).then((result) => {
        if (!live) return;
        if (!result.ok) setProblem(result.error.message);
        else if (!result.value.record) setProblem('This thought record is no longer here.');
        else {
          const next = fromRecord(result.value.record);
          draftRef.current = next;
          setDraft(next);
          setStatus(result.value.record.status);
          setLoaded(true);
        }
      });
    }
    return () => {
      live = false;
    };
  }, [api, id]);

  /** Saves what is typed now, one save after another, so a new record is created only once. */
  const save = useCallback(
    (as: ThoughtStatus) => {
      const run = queue.current.then(async () => {
        dirty.current = false;
        setSaveState({ kind: 'saving' });
        const result = await call(api, 'thoughts.save', toInput(draftRef.current, idRef.current, as));
        if (result.ok) {
          idRef.current = result.value.id;
          setStatus(result.value.status);
          setSaveState({ kind: 'saved' });
        } else {
          if (as === 'draft') dirty.current = true;
          setSaveState(as === 'draft' ? { kind: 'failed', message: result.error.message } : { kind: 'idle' });
        }
        return result;
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [api],
  );

  const autosaving = status === 'draft';

  // Autosave a draft a moment after the last change.
  useEffect(() => {
    if (!autosaving || !dirty.current) return;
    const timer = window.setTimeout(() => void save('draft'), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, autosaving, save]);

  // Leaving with changes not yet saved (another section, say): save them on the way out.
  useEffect(
    () => () => {
      if (dirty.current && autosaving && !isEmpty(draftRef.current)) void save('draft');
    },
    [autosaving, save],
  );

  function change(update: (current: ThoughtDraft) => ThoughtDraft) {
    const next = update(draftRef.current);
    draftRef.current = next;
    dirty.current = !isEmpty(next) || idRef.current !== undefined;
    setDraft(next);
    // "Saved" would no longer be true: it comes back once this change is saved.
    setSaveState((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }

  return {
    draft,
    loaded,
    status,
    traps,
    saveState,
    problem,
    setProblem,
    save,
    change,
    autosaving,
    dirty,
    idRef,
    draftRef,
  };
}
