import type { StressEntry, StressEntryInput, StressEntryRestore } from '../../contract';

export interface StressDiaryListOptions {
  limit: number;
  /** Only entries that happened before this moment (paging back in time). */
  before?: string;
  /** The span to browse, half-open: from <= occurredAt < to. */
  from?: string;
  to?: string;
}

export interface StressDiaryRepository {
  /** Creates (no id) or updates (id) an entry; returns it as stored. */
  save(entry: StressEntryInput): StressEntry;
  /** Newest first; `total` counts every entry in [from, to), not only this page. */
  list(options: StressDiaryListOptions): { entries: StressEntry[]; total: number };
  /** The entry as it was before it was deleted, or undefined when there was no such entry. */
  delete(id: string): StressEntry | undefined;
  /** Puts a deleted entry back with its id and times; a `conflict` ApiFailure if the id exists. */
  restore(entry: StressEntryRestore): StressEntry;
}
