import type { Draft, DraftFields } from '../../contract';

/** Half-typed forms, one per key, kept in the vault until submitted or set aside. */
export interface DraftRepository {
  get(key: string): Draft | null;
  /** Every draft, oldest first (the full export). */
  all(): Draft[];
  /** Replaces the draft for `key`; returns when it was saved. */
  save(key: string, fields: DraftFields): string;
  /** True when there was a draft to forget. */
  clear(key: string): boolean;
}
