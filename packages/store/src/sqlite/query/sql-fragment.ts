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
