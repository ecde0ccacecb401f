import { formRowsLiteral } from './sql-ident.js';

/** A piece of SQL and its `?` parameters, in textual order. */
export type SqlParam = string | number | null;
export type Sql = { sql: string; params: SqlParam[] };

/** Joins fragments and literal SQL text, keeping the parameters in the order their `?` appear. */
export function sql(strings: TemplateStringsArray, ...parts: (Sql | string)[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlParam[] = [];
  parts.forEach((part, i) => {
    if (typeof part === 'string') text += part;
    else {
      text += part.sql;
      params.push(...part.params);
    }
    text += strings[i + 1] ?? '';
  });
  return { sql: text, params };
}

/** One parameter. */
export function param(value: SqlParam): Sql {
  return { sql: '?', params: [value] };
}

/** `(?, ?, …)` for a non-empty list. */
export function paramList(values: readonly SqlParam[]): Sql {
  return { sql: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}

export function join(parts: readonly Sql[], separator: string): Sql {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

export const TRUE_SQL: Sql = { sql: '1', params: [] };
export const FALSE_SQL: Sql = { sql: '0', params: [] };

/**
 * `EXISTS (query)` as a 0/1 scalar sub-query. SQLite may turn a top-level `EXISTS` into a join, and a join ends the
 * ORDER BY … LIMIT early-out on an ordered index (a page of 50 then reads every matching row): this form stays a
 * correlated sub-query, evaluated only for rows the index has not already ruled out.
 */
export function existsSql(query: Sql): Sql {
  return sql`coalesce((${query} LIMIT 1), 0)`;
}

/**
 * The live rows of one form in one workspace over `records r`: with literal ids when they have a literal-safe shape
 * (so SQLite can prove the IndexManager's partial indexes usable), else as parameters.
 */
export function formRowsSql(workspaceId: string, formId: string): Sql {
  const literal = formRowsLiteral(workspaceId, formId, 'r');
  if (literal !== undefined) return { sql: literal, params: [] };
  return sql`r.workspace_id = ${param(workspaceId)} AND r.form_id = ${param(formId)} AND r.deleted_at IS NULL`;
}
