import type { SearchResult } from '../../contract';

/** Full-text search over the stress diary and thought records, best match first. */
export interface DiarySearch {
  search(options: { query: string; limit: number }): SearchResult[];
}
