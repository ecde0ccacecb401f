import type { Rule } from '@formflow/schema';
import { isRefusal, predicate, refuse } from './sql-expr.js';
import type { SqlTranslator } from './sql-types.js';

/** `{"var":"f_x"}` → the store's column expression for the path (record-scope, static path, no default). */
export const sqlVar: SqlTranslator = (args, ctx) => {
  if (args.length !== 1) return refuse('var with a default value is not translated');
  const path = args[0];
  if (typeof path !== 'string' && typeof path !== 'number') return refuse('computed var paths are not translated');
  const text = String(path);
  const column = ctx.target.column(text);
  if (column === null) return refuse(`no column for "${text}"`);
  const kind = ctx.target.valueType?.(text) ?? 'unknown';
  return { sql: column, params: [], kind, nulls: 'null', path: text };
};

/**
 * `in`: a value in a literal array (`IN (?, …)`, same JS type required: indexOf is ===), a literal string inside a
 * text value (`instr`, and '' contains nothing as in json-logic-js), or a literal string in a JSON array field.
 */
export const sqlIn: SqlTranslator = (args, ctx) => {
  const a = ctx.translate(args[0] as Rule);
  if (isRefusal(a)) return a;
  const b = ctx.translate(args[1] as Rule);
  if (isRefusal(b)) return b;
  if (b.literal && Array.isArray(b.literal.value)) {
    const items = b.literal.value as unknown[];
    if (items.length === 0) return predicate('0', []);
    const type = a.kind === 'date' ? 'string' : a.kind;
    if (type !== 'string' && type !== 'number') return refuse(`"in" for a ${a.kind} value is not translated`);
    if (!items.every((item) => typeof item === type)) return refuse('"in" with a list of mixed types');
    const params = items as (string | number)[];
    return predicate(`COALESCE(${a.sql} IN (${params.map(() => '?').join(', ')}), 0)`, [...a.params, ...params]);
  }
  if (!a.literal || typeof a.literal.value !== 'string') return refuse('"in" needs a literal list or a literal string');
  if (b.kind === 'string' || b.kind === 'date') {
    return predicate(`COALESCE(${b.sql} <> '' AND instr(${b.sql}, ${a.sql}) > 0, 0)`, [
      ...b.params,
      ...b.params,
      ...a.params,
    ]);
  }
  if (b.kind === 'array') {
    return predicate(`EXISTS (SELECT 1 FROM json_each(${b.sql}) WHERE type = 'text' AND value = ${a.sql})`, [
      ...b.params,
      ...a.params,
    ]);
  }
  return refuse(`"in" over a ${b.kind} value is not translated`);
};
