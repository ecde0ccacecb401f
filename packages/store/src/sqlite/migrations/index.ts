import type { Migration } from '../migration.js';
import { migration0001 } from './0001-system-tables.js';
import { migration0002 } from './0002-auth.js';
import { migration0003 } from './0003-workspace-keys.js';
import { migration0004 } from './0004-record-links.js';
import { migration0005 } from './0005-directory-revisions.js';
import { migration0006 } from './0006-outbox-sequence.js';

/** Every SQLite migration, in order. Append new ones; never edit an applied one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
];
