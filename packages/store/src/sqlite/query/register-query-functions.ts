import { foldText } from '@formflow/engine';
import type { Database } from 'better-sqlite3';
import { FOLD_SQL_FUNCTION } from './value-ref.js';

/**
 * Registers the deterministic SQL function the compiler uses where no folded shadow exists (sub-table cells, parts
 * of addresses): `formflow_fold_text(x)` = the engine's foldText for text, NULL otherwise.
 */
export function registerQueryFunctions(db: Database): void {
  db.function(FOLD_SQL_FUNCTION, { deterministic: true }, (x: unknown) => (typeof x === 'string' ? foldText(x) : null));
}
