import { migration001 } from './001-initial';
import type { Migration } from './migration';

/** In order, one file per version. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
