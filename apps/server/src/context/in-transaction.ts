import type { ServerContext } from './server-context.js';

class Abort<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `fn` in ONE immediate transaction on the store's connection (repository writes inside nest as savepoints).
 * `abort(value)` inside rolls back everything `fn` wrote and makes `inTransaction` return `value`: all or nothing.
 */
export function inTransaction<T>(ctx: ServerContext, fn: (abort: (value: T) => never) => T): T {
  const abort = (value: T): never => {
    throw new Abort(value);
  };
  try {
    return ctx.store.db.transaction(() => fn(abort)).immediate();
  } catch (error) {
    if (error instanceof Abort) return error.value as T;
    throw error;
  }
}
