import type { SqlExpr, SqlParam, SqlRefusal } from './sql-types.js';

export function refuse(reason: string): SqlRefusal {
  return { refused: reason };
}

export function isRefusal<T>(x: T | SqlRefusal): x is SqlRefusal {
  return typeof x === 'object' && x !== null && 'refused' in x;
}

export function predicate(sql: string, params: readonly SqlParam[]): SqlExpr {
  return { sql, params, kind: 'predicate', nulls: 'never' };
}

/** A value known at translation time, as one parameter (booleans as 1/0, as SQLite's JSON functions give them). */
export function literalExpr(value: unknown): SqlExpr | SqlRefusal {
  if (value === null) return { sql: '?', params: [null], kind: 'null', nulls: 'null', literal: { value } };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return refuse('non-finite number');
    return { sql: '?', params: [value], kind: 'number', nulls: 'never', literal: { value } };
  }
  if (typeof value === 'string') {
    const kind = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date' : 'string';
    return { sql: '?', params: [value], kind, nulls: 'never', literal: { value } };
  }
  if (typeof value === 'boolean')
    return { sql: '?', params: [value ? 1 : 0], kind: 'boolean', nulls: 'never', literal: { value } };
  if (Array.isArray(value)) return { sql: '', params: [], kind: 'array', nulls: 'never', literal: { value } };
  return refuse('object values have no SQL form');
}

/** Joins expressions' SQL with a separator, concatenating their parameters in the same order. */
export function joinSql(parts: readonly SqlExpr[], separator: string): { sql: string; params: SqlParam[] } {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

export function isStringKind(e: SqlExpr): boolean {
  return e.kind === 'string' || e.kind === 'date';
}

/** A number operand where JS would turn null into 0 (relational operators, `-`, `/`, min, max). */
export function nullAsZero(e: SqlExpr): string {
  return e.nulls === 'null' ? `IFNULL(${e.sql}, 0)` : e.sql;
}

/** The truthiness of a value as SQL 0/1 (jsonLogic.truthy). */
export function truthOf(e: SqlExpr): SqlExpr | SqlRefusal {
  if (e.kind === 'predicate') return e;
  if (e.literal) {
    const v = e.literal.value;
    return predicate((Array.isArray(v) ? v.length > 0 : !!v) ? '1' : '0', []);
  }
  if (e.kind === 'null') return predicate('0', []);
  if (e.kind === 'number' || e.kind === 'boolean') return predicate(`COALESCE(${e.sql} <> 0, 0)`, e.params);
  if (isStringKind(e)) return predicate(`COALESCE(${e.sql} <> '', 0)`, e.params);
  if (e.kind === 'array') return predicate(`COALESCE(json_array_length(${e.sql}) > 0, 0)`, e.params);
  return refuse('truthiness of a value of unknown type');
}
