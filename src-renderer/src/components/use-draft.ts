import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftFields } from '../../../src-main/contract';
import { call } from '../api/call';
import { useApi } from '../api/api-context';

/** How long typing must pause before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 500;

export interface DraftOfferState {
  fields: DraftFields;
  updatedAt: string;
}

export interface DraftControl {
  /**
   * A draft saved earlier, waiting for "Carry on" or "Start afresh". While it waits the form shows
   * DraftOffer instead of its fields, so nothing typed meanwhile could overwrite it.
   */
  offer: DraftOfferState | null;
  /** True until the vault has said whether there is a draft (the form may show its fields). */
  checking: boolean;
  carryOn: () => void;
  startAfresh: () => void;
  /** After a successful submit: forget the draft; `emptied` is what the form shows next. */
  clear: (emptied: DraftFields) => void;
}

const anyText = (fields: DraftFields) => Object.values(fields).some((value) => value.trim() !== '');

/**
 * Keeps what someone types in the encrypted vault as they type, so a section change, a reload or
 * a lock loses nothing. Saves when typing pauses, and at once when the form goes (unmount) or the
 * page does (pagehide). `key` null turns it off (editing a saved entry; a room keeps its own).
 * `worthKeeping` says whether the fields hold anything the person typed: an emptied form clears
 * the draft rather than keeping a blank one to offer back.
 */
export function useDraft(
  key: string | null,
  fields: DraftFields,
  restore: (fields: DraftFields) => void,
  worthKeeping: (fields: DraftFields) => boolean = anyText,
): DraftControl {
  const api = useApi();
  const [offer, setOffer] = useState<DraftOfferState | null>(null);
  const [checking, setChecking] = useState(key !== null);
  const json = JSON.stringify(fields);
  // What the vault holds for this form (or, before the first save, what the form started with).
  const saved = useRef(json);
  const latest = useRef({ fields, json, worthKeeping, ready: false });
  // One call at a time, in order: a save sent before a submit's clear can never land after it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    latest.current = { ...latest.current, fields, json, worthKeeping };
  });

  const enqueue = useCallback((work: () => Promise<unknown>) => {
    queue.current = queue.current.then(work, work);
  }, []);

  const flush = useCallback(() => {
    const current = latest.current;
    if (key === null || !current.ready || current.json === saved.current) return;
    enqueue(async () => {
      if (current.json === saved.current) return;
      const result = current.worthKeeping(current.fields)
        ? await call(api, 'drafts.save', { key, fields: current.fields })
        : await call(api, 'drafts.clear', { key });
      // A failed save (the vault locked, say) is not the person's problem mid-sentence: the next
      // change tries again, and the words are still in the form.
      if (result.ok) saved.current = current.json;
    });
  }, [api, enqueue, key]);

  // Is there a draft from last time?
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void call(api, 'drafts.get', { key }).then((result) => {
      if (!live) return;
      const draft = result.ok ? result.value.draft : null;
      const same = draft !== null && JSON.stringify(draft.fields) === latest.current.json;
      if (draft && !same && latest.current.worthKeeping(draft.fields)) {
        setOffer({ fields: draft.fields, updatedAt: draft.updatedAt });
      } else {
        // The form already shows it (kept in memory since the last visit): nothing to offer.
        if (same) saved.current = latest.current.json;
        latest.current.ready = true;
      }
      setChecking(false);
    });
    return () => {
      live = false;
    };
  }, [api, key]);

  // Save once typing pauses.
  useEffect(() => {
    if (key === null || checking || offer || json === saved.current) return;
    const timer = window.setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [checking, flush, json, key, offer]);

  // Save at once when the form goes (a section change), the page does (reload, quit), or focus
  // leaves a field: a click on Lock right after typing sends the draft before the lock.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    document.addEventListener('focusout', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('focusout', flush);
      flush();
    };
  }, [flush]);

  const carryOn = useCallback(() => {
    if (!offer) return;
    saved.current = JSON.stringify(offer.fields);
    latest.current.ready = true;
    restore(offer.fields);
    setOffer(null);
  }, [offer, restore]);

  const startAfresh = useCallback(() => {
    if (key === null) return;
    saved.current = latest.current.json;
    latest.current.ready = true;
    enqueue(() => call(api, 'drafts.clear', { key }));
    setOffer(null);
  }, [api, enqueue, key]);

  const clear = useCallback(
    (emptied: DraftFields) => {
      if (key === null) return;
      saved.current = JSON.stringify(emptied);
      enqueue(() => call(api, 'drafts.clear', { key }));
    },
    [api, enqueue, key],
  );

  return { offer, checking, carryOn, startAfresh, clear };
}
