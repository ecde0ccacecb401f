import type { FilterContext } from '@formflow/engine';
import type { FilterOperator } from '@formflow/schema';
import { existsSql, FALSE_SQL, param, paramList, sql, type Sql } from './sql-fragment.js';
import { typeOf, type ValueRef } from './value-ref.js';

function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string');
}

/**
 * The engine's compileIdSet: the value is the set of its string ids (a string is a set of one; the strings of a
 * list; nothing otherwise). `json_each` over a text value yields that one text, over a list its items.
 */
export function idSetSql(ref: ValueRef, op: FilterOperator, operand: unknown, ctx: FilterContext): Sql {
  const ids = (alias: string): string => `${typeOf(ref)} IN ('text', 'array') AND ${alias}.type = 'text'`;
  const from = (alias: string): string => `json_each(${ref.doc}, ${ref.path}) AS ${alias}`;
  const shares = (want: readonly string[]): Sql =>
    want.length === 0
      ? FALSE_SQL
      : existsSql(sql`SELECT 1 FROM ${from('ia')} WHERE ${ids('ia')} AND ia.value IN ${paramList(want)}`);
  const countIn = (want: readonly string[]): Sql =>
    sql`(SELECT COUNT(DISTINCT ib.value) FROM ${from('ib')} WHERE ${ids('ib')} AND ib.value IN ${paramList(want)})`;
  switch (op) {
    case 'eq':
    case 'neq': {
      const want = [...new Set(idsOf(operand))];
      if (want.length === 0) return sql`(NOT EXISTS (SELECT 1 FROM ${from('ic')} WHERE ${ids('ic')}))`;
      return sql`(NOT EXISTS (SELECT 1 FROM ${from('ic')} WHERE ${ids('ic')} AND ic.value NOT IN ${paramList(want)}) AND ${countIn(want)} = ${param(want.length)})`;
    }
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasNone':
      return shares([...new Set(idsOf(operand))]);
    case 'hasAll': {
      const want = [...new Set(idsOf(operand))];
      return want.length === 0 ? { sql: '1', params: [] } : sql`(${countIn(want)} = ${param(want.length)})`;
    }
    case 'contains':
    case 'notContains':
      return shares([operand as string]);
    case 'isCurrentMember':
      return ctx.memberId === undefined ? FALSE_SQL : shares([ctx.memberId]);
    case 'isCurrentDepartment':
      return shares([...new Set(ctx.departmentIds ?? [])]);
    default:
      throw new Error(`idSetSql: unexpected operator ${op}`);
  }
}
