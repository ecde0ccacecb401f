import type { Store } from '@formflow/store';

class Rollback<T> {
  constructor(readonly result: T) {}
}

/**
 * Runs `fn` in one IMMEDIATE transaction of the store's connection and commits only when `commit(result)` is true;
 * otherwise everything `fn` wrote is rolled back and the result still returned. Record writes inside nest as
 * savepoints, so a row's UNIQUE_CONFLICT undoes that row alone.
 */
export function runInTransaction<T>(store: Store, fn: () => T, commit: (result: T) => boolean): T {
  try {
    return store.db
      .transaction(() => {
        const result = fn();
        if (!commit(result)) throw new Rollback(result);
        return result;
      })
      .immediate();
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}
