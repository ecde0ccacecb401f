import {
  fieldKind,
  foldText,
  RELATIVE_OPERATORS,
  relativeDayRange,
  type FilterContext,
  type RelativeDateOperator,
} from '@formflow/engine';
import type { FieldDef, FilterOperator } from '@formflow/schema';
import { idKeyOf, LIST_SENTINEL, numberKeyOf, textKeyOf } from './index-keys.js';
import { param, paramList, sql, type Sql } from './sql-fragment.js';
import type { ValueRef } from './value-ref.js';

/**
 * A condition over an index key that the exact test implies (`test`), so SQLite can seek an index on that key
 * (IndexManager), and optionally one that implies the exact test (`sufficient`, 0/1), so rows it admits need no
 * look at the record's JSON (the key is read from the index). `candidates` > 1 when `test` is an IN over several
 * values: an index then gives no single order (ORDER BY / GROUP BY need a sort).
 */
export type Prefilter = { test: Sql; sufficient?: Sql; candidates: number };

const HINTED: Partial<Record<FilterOperator, string>> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

const strings = (value: unknown): string[] | undefined => {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list || !list.every((v): v is string => typeof v === 'string')) return undefined;
  return [...new Set(list)];
};

/** The ids a positive id-set condition needs one of (`all` false) or exactly / all of (`all` true). */
function wantedIds(
  op: FilterOperator,
  operand: unknown,
  ctx: FilterContext,
): { ids: string[]; all: boolean } | undefined {
  const from = (value: unknown, all: boolean) => {
    const ids = strings(value);
    return ids && { ids, all };
  };
  switch (op) {
    case 'eq':
    case 'hasAll':
      return from(operand, true);
    case 'in':
    case 'hasAny':
    case 'contains':
      return from(operand, false);
    case 'isCurrentMember':
      return ctx.memberId === undefined ? undefined : from(ctx.memberId, false);
    case 'isCurrentDepartment':
      return from(ctx.departmentIds ?? [], false);
    default:
      return undefined;
  }
}

/**
 * Single-valued id fields: the value is text (its id) or, as invalid data the engine still reads as a set, a list.
 * A text value v meets a one-id condition iff v is that id (when not blank); a list may meet any condition. So the
 * key must be one of the ids or the LIST_SENTINEL, and a key that is one of the (non-blank, non-sentinel) ids is
 * enough. Several ids that must all be present: only a list can hold them.
 */
function idPrefilter(
  ref: ValueRef,
  op: FilterOperator,
  operand: unknown,
  ctx: FilterContext,
  tag: number,
): Prefilter | undefined {
  const wanted = wantedIds(op, operand, ctx);
  if (!wanted || wanted.ids.length === 0) return undefined;
  const key = idKeyOf(ref, tag);
  const oneOf = !wanted.all || wanted.ids.length === 1;
  const candidates = oneOf ? [...new Set([...wanted.ids, LIST_SENTINEL])] : [LIST_SENTINEL];
  const test =
    candidates.length === 1 ? sql`${key} = ${param(LIST_SENTINEL)}` : sql`${key} IN ${paramList(candidates)}`;
  const enough = oneOf ? wanted.ids.filter((id) => id !== LIST_SENTINEL && id.trim() !== '') : [];
  if (enough.length === 0) return { test, candidates: candidates.length };
  const sufficient = enough.length === 1 ? sql`${key} = ${param(enough[0]!)}` : sql`${key} IN ${paramList(enough)}`;
  return { test, sufficient, candidates: candidates.length };
}

/** Numbers and dates: the key's comparison is the exact test's (a number; text that is not blank), so it suffices. */
function rangePrefilter(key: string, op: FilterOperator, operand: unknown, ctx: FilterContext, kind: string) {
  const isValue = (v: unknown): v is string | number =>
    kind === 'number' ? typeof v === 'number' : typeof v === 'string';
  let test: Sql | undefined;
  let candidates = 1;
  if (RELATIVE_OPERATORS.has(op)) {
    if (kind !== 'date') return undefined;
    const { from, to } = relativeDayRange(op as RelativeDateOperator, Number(operand ?? 0), ctx.now, ctx.timezone);
    test = sql`${key} BETWEEN ${param(from)} AND ${param(to)}`;
  } else if (op === 'between') {
    const [lo, hi] = Array.isArray(operand) ? operand : [];
    if (!isValue(lo) || !isValue(hi)) return undefined;
    test = sql`${key} BETWEEN ${param(lo)} AND ${param(hi)}`;
  } else if (op === 'in') {
    if (!Array.isArray(operand) || operand.length === 0 || !operand.every(isValue)) return undefined;
    test = sql`${key} IN ${paramList(operand)}`;
    candidates = new Set(operand).size;
  } else {
    const cmp = HINTED[op];
    if (cmp === undefined || !isValue(operand)) return undefined;
    test = sql`${key} ${cmp} ${param(operand)}`;
  }
  return { test, sufficient: sql`((${test}) IS 1)`, candidates };
}

/**
 * The prefilter of a positive condition on a top-level field (sub-table cells and negations get none): ids of
 * single-valued id fields, numbers and dates by their keys (index-keys.ts), and text `eq`/`in` by the folded shadow
 * (necessary only: the shadow also folds lists of strings). `tag` is the id key's order tag (index-keys.ts).
 */
export function prefilterOf(
  field: FieldDef,
  ref: ValueRef,
  op: FilterOperator,
  operand: unknown,
  ctx: FilterContext,
  tag = 0,
): Prefilter | undefined {
  if (ref.doc !== 'r.data') return undefined;
  const kind = fieldKind(field);
  if (kind === 'option' || kind === 'ref') return idPrefilter(ref, op, operand, ctx, tag);
  if (kind === 'number') return rangePrefilter(numberKeyOf(ref), op, operand, ctx, kind);
  if (kind === 'date') return rangePrefilter(textKeyOf(ref), op, operand, ctx, kind);
  if (kind === 'text' && ref.folded !== null) {
    const folded = ref.folded;
    if (op === 'eq' && typeof operand === 'string')
      return { test: sql`${folded} = ${param(foldText(operand))}`, candidates: 1 };
    const values = op === 'in' && strings(operand);
    if (values && values.length > 0) {
      const keys = [...new Set(values.map(foldText))];
      return { test: sql`${folded} IN ${paramList(keys)}`, candidates: keys.length };
    }
  }
  return undefined;
}
