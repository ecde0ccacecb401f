import type { FormStatements } from '../sqlite/form-statements.js';

/** Thrown inside a write transaction to roll it back and hand a result to the caller. */
export class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rollback');
  }
}

/** Runs `fn` in one IMMEDIATE transaction; a thrown Rollback undoes every write and returns its result. */
export function writeTransaction<T>(sql: FormStatements, fn: () => T): T {
  try {
    return sql.transaction(fn);
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

export function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what} is not JSON-serialisable`);
  return text;
}
