import { foldText } from '@formflow/engine';
import type { FilterOperator } from '@formflow/schema';
import type { FieldKind } from '@formflow/engine';
import { QueryError } from './query-error.js';
import { FALSE_SQL, join, param, paramList, sql, type Sql, type SqlParam } from './sql-fragment.js';
import { extractOf, typeOf, type ValueRef } from './value-ref.js';

/** How a value of one JSON type is compared: the SQL of its key and the guard that the value has that type. */
type Lane = { guard: string; key: string; operand: (v: unknown) => SqlParam };

function lane(kind: FieldKind, ref: ValueRef, sample: unknown): Lane | undefined {
  const t = typeOf(ref);
  const x = extractOf(ref);
  const text = (): Lane => {
    if (ref.folded === null) throw new QueryError('NOT_TRANSLATABLE', 'text comparison here needs the fold function');
    return { guard: `${t} = 'text'`, key: ref.folded, operand: (v) => foldText(v as string) };
  };
  const number: Lane = { guard: `${t} IN ('integer', 'real')`, key: x, operand: (v) => v as number };
  switch (kind) {
    case 'text':
      return text();
    case 'number':
      return number;
    case 'date':
      return { guard: `${t} = 'text'`, key: x, operand: (v) => v as string };
    case 'boolean':
      return { guard: `${t} IN ('true', 'false')`, key: x, operand: (v) => (v === true ? 1 : 0) };
    default:
      // generic (lookup): compared by the run-time JSON type of the operand; other types never match.
      if (typeof sample === 'string') return text();
      if (typeof sample === 'number') return number;
      if (typeof sample === 'boolean') return { guard: `${t} IN ('true', 'false')`, key: x, operand: (v) => Number(v) };
      return undefined;
  }
}

/**
 * The engine's compileScalar (positive form, on non-empty values): text folded, numbers numerically, dates as
 * strings, booleans; a value of another JSON type than the field's never matches. Order comparisons on booleans
 * never match (the engine's `ordered`). 0/1, never NULL.
 */
export function scalarSql(kind: FieldKind, ref: ValueRef, op: FilterOperator, operand: unknown): Sql {
  if (op === 'in' || op === 'notIn') {
    const items = operand as unknown[];
    const parts = items.flatMap((item) => {
      const l = lane(kind, ref, item);
      return l ? [sql`COALESCE(${l.guard} AND ${l.key} = ${param(l.operand(item))}, 0)`] : [];
    });
    if (parts.length === 0) return FALSE_SQL;
    const first = lane(kind, ref, items[0]);
    if (first && kind !== 'generic') {
      return sql`COALESCE(${first.guard} AND ${first.key} IN ${paramList(items.map(first.operand))}, 0)`;
    }
    return sql`(${join(parts, ' OR ')})`;
  }
  const sample = op === 'between' ? (operand as unknown[])[0] : operand;
  const l = lane(kind, ref, sample);
  if (!l) return FALSE_SQL;
  if (l.guard.includes("'true'") && op !== 'eq' && op !== 'neq') return FALSE_SQL;
  if (op === 'between') {
    const [lo, hi] = operand as [unknown, unknown];
    return sql`COALESCE(${l.guard} AND ${l.key} >= ${param(l.operand(lo))} AND ${l.key} <= ${param(l.operand(hi))}, 0)`;
  }
  const cmp = { eq: '=', neq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'eq'];
  if (cmp === undefined) throw new Error(`scalarSql: unexpected operator ${op}`);
  return sql`COALESCE(${l.guard} AND ${l.key} ${cmp} ${param(l.operand(operand))}, 0)`;
}
