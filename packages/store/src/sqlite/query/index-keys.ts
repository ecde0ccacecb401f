import { JS_WHITESPACE_SQL } from './empty-sql.js';
import { extractOf, typeOf, type ValueRef } from './value-ref.js';

/*
 * Key expressions shared by the queries and the indexes the IndexManager creates (packages/store/src/indexes). They
 * hold no parameters and no sub-queries (SQLite allows neither in an index), and a query writes them exactly as an
 * index does (but for the `r.` alias), so SQLite can read them from the index and match ORDER BY and GROUP BY to it.
 */

/**
 * What an id key is for a list: no text can be told apart from it, so a row with a list in a single-valued id field
 * (invalid data the engine still reads as a set of ids) always passes the prefilter and meets the exact test.
 */
export const LIST_SENTINEL = '[';

/**
 * The id key of a single-valued id field (select, single member/department/relation, createdBy): its text, the
 * LIST_SENTINEL for a list, else `tag` (a number, so it never equals an id and the key is never NULL).
 *
 * The tag (orderTag) names the order the query reads rows in. Its prefilter on this key is an IN over the wanted ids
 * and the sentinel, and SQLite chooses among indexes that can seek an IN without regard to the order they give (the
 * ORDER BY … LIMIT early-out is decided after the choice): with the tag in the key, only the index built for that
 * order (same tag) matches the query's key, so the choice is the right one.
 */
export function idKeyOf(ref: ValueRef, tag = 0): string {
  const x = extractOf(ref);
  return `(CASE ${typeOf(ref)} WHEN 'text' THEN ${x} WHEN 'array' THEN '${LIST_SENTINEL}' ELSE ${String(tag)} END)`;
}

/** A number from 1 to 2^24 naming an order (a list's sort, an aggregate's groups and values); 0 is "no order". */
export function orderTag(signature: unknown): number {
  const text = JSON.stringify(signature);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return (h % 0xffffff) + 1;
}

/** The order tag of a list sorted by `sort` (0 without a sort: the order is the id's). */
export function listOrderTag(sort: readonly { field: string; direction: string }[]): number {
  return sort.length === 0 ? 0 : orderTag(['list', sort.map((s) => [s.field, s.direction])]);
}

type GroupSignature = readonly { field: string; bucket?: string | undefined }[];
type MeasureSignature = readonly { agg: string; field?: string | undefined }[];

/**
 * The list order whose index an aggregate reads when one exists: one group key without a bucket, and measures that
 * are `count(*)` and `sum`/`avg`/`min`/`max` of one and the same field `v` (no `count(field)`, which reads another
 * value): the list sorted `v` descending. Its index, behind the aggregate's filter keys and its group key, holds the
 * group key and `v`'s number key, so the IndexManager plans no index of its own for the aggregate, and the aggregate
 * query writes its id keys with that list's order tag (buildAggregateQuery). Undefined for any other aggregate.
 */
export function aggregateListOrder(
  groupBy: GroupSignature,
  measures: MeasureSignature,
): { field: string; direction: 'desc' }[] | undefined {
  if (groupBy.length !== 1 || groupBy[0]?.bucket !== undefined) return undefined;
  if (measures.some((m) => m.agg === 'count' && m.field !== undefined)) return undefined;
  const fields = new Set(measures.flatMap((m) => (m.agg === 'count' || m.field === undefined ? [] : [m.field])));
  const [field] = [...fields];
  return fields.size === 1 && field !== undefined ? [{ field, direction: 'desc' }] : undefined;
}

/**
 * The order tag of an aggregate: the tag of the list it reads (aggregateListOrder) when there is one; else a tag of
 * its own, from its group keys and the distinct values it measures (`count(*)` measures none; `sum`, `avg`, `min`
 * and `max` of a field all read its number key; `count(field)` its presence).
 */
export function aggregateOrderTag(groupBy: GroupSignature, measures: MeasureSignature): number {
  const list = aggregateListOrder(groupBy, measures);
  if (list) return listOrderTag(list);
  const values = new Set(
    measures.flatMap((m) => (m.field === undefined ? [] : [`${m.agg === 'count' ? 'present' : 'number'}:${m.field}`])),
  );
  return orderTag(['aggregate', groupBy.map((g) => [g.field, g.bucket ?? null]), [...values].sort()]);
}

/**
 * The aggregate group key of a single-valued id field (textKeyOf: non-blank text, else NULL) from its id key `k`
 * (idKeyOf): the same for every value but a list, whose id key is the LIST_SENTINEL like the text `'['`
 * (buildAggregateQuery reads those rows apart). Over a column of grouped rows, not over the record.
 */
export function groupKeyOfIdKey(k: string): string {
  return `(CASE WHEN typeof(${k}) = 'text' AND trim(${k}, ${JS_WHITESPACE_SQL}) <> '' THEN ${k} END)`;
}

/** A number's value, NULL for anything else: the number sort key, group key and measure. */
export function numberKeyOf(ref: ValueRef): string {
  return `(CASE WHEN ${typeOf(ref)} IN ('integer', 'real') THEN ${extractOf(ref)} END)`;
}

/** Text that is not blank (the engine's isEmptyValue) as stored, else NULL: the date key, and text group keys. */
export function textKeyOf(ref: ValueRef): string {
  const x = extractOf(ref);
  return `(CASE WHEN ${typeOf(ref)} = 'text' AND trim(${x}, ${JS_WHITESPACE_SQL}) <> '' THEN ${x} END)`;
}

/** Text that is not blank, folded (the `search` shadow), else NULL: the text sort key. */
export function foldedKeyOf(ref: ValueRef, folded: string): string {
  const x = extractOf(ref);
  return `(CASE WHEN ${typeOf(ref)} = 'text' AND trim(${x}, ${JS_WHITESPACE_SQL}) <> '' THEN ${folded} END)`;
}

/** 1 when the value is present and not JSON null, else NULL: what `count(field)` counts. */
export function presentKeyOf(ref: ValueRef): string {
  const t = typeOf(ref);
  return `(CASE WHEN ${t} IS NOT NULL AND ${t} <> 'null' THEN 1 END)`;
}
