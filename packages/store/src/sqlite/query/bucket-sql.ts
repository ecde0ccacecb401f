import type { FilterContext } from '@formflow/engine';
import type { FieldDef } from '@formflow/schema';
import { instantOf } from './datetime-sql.js';
import { fieldKind } from '@formflow/engine';
import { numberKeyOf, textKeyOf } from './index-keys.js';
import { QueryError } from './query-error.js';
import { param, sql, type Sql } from './sql-fragment.js';
import { extractOf, fieldRef, typeOf, type ValueRef } from './value-ref.js';
import { zoneTransitionsJson } from './zone-transitions.js';

export type Bucket = 'day' | 'week' | 'month';

/** `YYYY-MM-DD` SQL `d` → its day, its week's Monday, or `YYYY-MM`. */
function bucketOfDate(d: string, bucket: Bucket): string {
  if (bucket === 'day') return d;
  if (bucket === 'month') return `substr(${d}, 1, 7)`;
  return `date(${d}, '-' || ((CAST(strftime('%w', ${d}) AS INTEGER) + 6) % 7) || ' days')`;
}

/**
 * The calendar date of a date-time in ctx.timezone, per row: the instant plus the zone's offset at that instant,
 * looked up in a table of the zone's offset changes passed as one JSON parameter (a fixed offset parameter would
 * be wrong on the other side of a DST change).
 */
function localDateSql(t: string, ctx: FilterContext): Sql {
  const offset = sql`(SELECT json_extract(zo.value, '$[1]') FROM json_each(${param(zoneTransitionsJson(ctx.timezone))}) AS zo WHERE json_extract(zo.value, '$[0]') <= ${t} ORDER BY zo.key DESC LIMIT 1)`;
  return sql`date((${t} + ${offset}) / 1000.0, 'unixepoch')`;
}

/**
 * The group key of a field: its value (single-valued fields only), or a date bucket of a date or date-time. Without a
 * bucket the key has no parameters or sub-queries (index-keys.ts), so it can be an index column (IndexManager).
 */
export function groupKeySql(
  field: FieldDef,
  bucket: Bucket | undefined,
  ctx: FilterContext,
  ref: ValueRef = fieldRef(field.id),
): Sql {
  const t = typeOf(ref);
  const x = extractOf(ref);
  const kind = fieldKind(field);
  if (bucket !== undefined) {
    if (kind === 'date') {
      return { sql: `(CASE WHEN ${t} = 'text' AND date(${x}) = ${x} THEN ${bucketOfDate(x, bucket)} END)`, params: [] };
    }
    if (kind === 'datetime') {
      const instant = instantOf(ref);
      const local = localDateSql(instant, ctx);
      return sql`(SELECT CASE WHEN lt.d IS NOT NULL THEN ${bucketOfDate('lt.d', bucket)} END FROM (SELECT ${local} AS d) AS lt)`;
    }
    throw new QueryError('INVALID_AGGREGATE', `field "${field.id}" is not a date and cannot be bucketed`);
  }
  if (kind === 'options' || kind === 'refs' || kind === 'structured' || kind === 'layout' || kind === 'generic') {
    throw new QueryError('INVALID_AGGREGATE', `records cannot be grouped by the ${field.type} field "${field.id}"`);
  }
  if (kind === 'boolean') return { sql: `(CASE ${t} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`, params: [] };
  if (kind === 'number') return { sql: numberKeyOf(ref), params: [] };
  return { sql: textKeyOf(ref), params: [] };
}
