import type { StressEntry, StressEntryInput } from '../../contract';

export interface StressDiaryRepository {
  /** Creates (no id) or updates (id) an entry; returns it as stored. */
  save(entry: StressEntryInput): StressEntry;
  list(options: { limit: number; before?: string }): { entries: StressEntry[]; total: number };
  /** False when there was no such entry. */
  delete(id: string): boolean;
}
