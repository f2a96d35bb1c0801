import type { ShareCounts, ShareHistoryEntry } from '../../contract/share';

/** The user's own record of what they exported, kept in the vault. */
export interface ShareHistoryRepository {
  add(entry: {
    recipientLabel: string;
    method: ShareHistoryEntry['method'];
    fileName: string;
    counts: ShareCounts;
  }): ShareHistoryEntry;
  /** Newest first. */
  list(): ShareHistoryEntry[];
  clear(): void;
}
