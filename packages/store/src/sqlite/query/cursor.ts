import { createHash } from 'node:crypto';
import { QueryError } from './query-error.js';

export type CursorKey = string | number | null;
export type CursorPosition = { keys: CursorKey[]; id: string };

function digest(scope: string, keys: readonly CursorKey[], id: string): string {
  return createHash('sha256')
    .update(JSON.stringify([scope, keys, id]))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * An opaque cursor: base64url JSON of the last row's sort keys and id, with a digest over them and the query's
 * scope (form and sort) so that an edited, truncated or foreign cursor is refused. The digest is not a secret: it
 * detects accidents and tampering, and every key is bound as a parameter anyway.
 */
export function encodeCursor(scope: string, position: CursorPosition): string {
  const body = { k: position.keys, i: position.id, d: digest(scope, position.keys, position.id) };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const invalid = (): QueryError => new QueryError('INVALID_CURSOR', 'the cursor is invalid or belongs to another query');

export function decodeCursor(scope: string, cursor: string, keyCount: number): CursorPosition {
  if (cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof body !== 'object' || body === null) throw invalid();
  const { k, i, d } = body as { k?: unknown; i?: unknown; d?: unknown };
  if (!Array.isArray(k) || k.length !== keyCount || typeof i !== 'string' || typeof d !== 'string') throw invalid();
  const keys = k as unknown[];
  if (!keys.every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))
    throw invalid();
  if (digest(scope, keys as CursorKey[], i) !== d) throw invalid();
  return { keys: keys as CursorKey[], id: i };
}
