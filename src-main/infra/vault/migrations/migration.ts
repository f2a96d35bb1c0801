import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One schema version. Each runs in its own transaction together with the user_version bump. */
export interface Migration {
  version: number;
  up(db: Database): void;
}
