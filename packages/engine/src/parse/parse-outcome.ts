/** Result of a parse helper: a value, or a machine code (UPPER_SNAKE) and an English message naming the problem. */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function parseFailure(code: string, message: string): { ok: false; code: string; message: string } {
  return { ok: false, code, message };
}
