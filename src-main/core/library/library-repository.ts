import type { ArticleState, TextSegment } from '../../contract';

/** One article as the search index holds it. */
export interface LibraryIndexDoc {
  id: string;
  title: string;
  summary: string;
  tags: readonly string[];
  /** The article's plain text. */
  text: string;
}

/** What the user does with the library, and the library's search index, kept in the vault. */
export interface LibraryRepository {
  /**
   * Brings the vault in step with the loaded articles: rebuilds the search index when the
   * fingerprint differs from the stored one, and records articles not known before (the first
   * time, all of them as the baseline that is never "new").
   */
  sync(docs: readonly LibraryIndexDoc[], fingerprint: string): void;
  search(query: string, limit: number): { id: string; snippet: TextSegment[] }[];
  /** Every word in the search index (as the index folds it) and how many articles use it. */
  vocabulary(): ReadonlyMap<string, number>;
  /** The state of every known article, by id. */
  states(): Map<string, ArticleState>;
  setBookmark(id: string, on: boolean): void;
  setReadLater(id: string, on: boolean): void;
  markRead(id: string): void;
}
