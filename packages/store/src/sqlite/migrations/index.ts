import type { Migration } from '../migration.js';
import { migration0001 } from './0001-system-tables.js';

/** Every SQLite migration, in order. Append new ones; never edit an applied one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [migration0001];
