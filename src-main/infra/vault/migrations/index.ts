import { migration001 } from './001-initial';
import { migration002 } from './002-diary-search';
import { migration003 } from './003-thought-records';
import { migration004 } from './004-checkins';
import { migration005 } from './005-course';
import { migration006 } from './006-library';
import { migration007 } from './007-reminders';
import { migration008 } from './008-rooms';
import { migration009 } from './009-share-history';
import { migration010 } from './010-preferences';
import { migration011 } from './011-drafts';
import { migration012 } from './012-course-diary';
import type { Migration } from './migration';

/** In order, one file per version. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
