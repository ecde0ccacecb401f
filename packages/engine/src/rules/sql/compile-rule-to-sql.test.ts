import { describe, expect, it } from 'vitest';
import type { Rule } from '@formflow/schema';
import { compileRuleToSql } from './compile-rule-to-sql.js';
import type { SqlTarget, SqlValueType } from './sql-types.js';

const TYPES: Record<string, SqlValueType> = {
  tier: 'string',
  status: 'string',
  name: 'string',
  amount: 'number',
  open: 'number',
  last: 'date',
  tags: 'array',
  vip: 'boolean',
};
const target: SqlTarget = {
  dialect: 'sqlite',
  column: (p) => (p in TYPES || p === 'untyped' ? `json_extract(data,'$.${p}')` : null),
  valueType: (p) => TYPES[p] ?? null,
  foldedColumn: (p) => (p === 'name' ? 'name_folded' : null),
  context: { $today: '2025-03-15', $member: { id: 'm1' } },
};
const col = (p: string) => `json_extract(data,'$.${p}')`;

function sql(rule: Rule) {
  return compileRuleToSql(rule, target);
}

/** Every UTF-16 unit that JavaScript's trim() removes, computed here rather than copied. */
const JS_WHITESPACE = [...Array(0x10000).keys()].filter((c) => String.fromCharCode(c).trim() === '');

describe('compileRuleToSql', () => {
  it('translates the churn rule with every value as a parameter', () => {
    const rule: Rule = {
      and: [
        { '==': [{ var: 'tier' }, 'A'] },
        { '>': [{ date_diff: [{ var: 'last' }, { var: '$today' }, 'day'] }, 30] },
        { '<': [{ var: 'open' }, 1] },
        { in: [{ var: 'status' }, ['active', 'at_risk']] },
      ],
    };
    expect(sql(rule)).toEqual({
      ok: true,
      sql:
        `((${col('tier')} IS ?) AND ` +
        `COALESCE(IFNULL(CAST(julianday(?) - julianday(${col('last')}) AS INTEGER), 0) > ?, 0) AND ` +
        `COALESCE(IFNULL(${col('open')}, 0) < ?, 0) AND ` +
        `COALESCE(${col('status')} IN (?, ?), 0))`,
      params: ['A', '2025-03-15', 30, 1, 'active', 'at_risk'],
    });
  });
  it('translates or, !, if, truthiness and context values', () => {
    expect(sql({ or: [{ '!': { var: 'vip' } }, { '===': [{ var: 'name' }, { var: '$member.id' }] }] })).toEqual({
      ok: true,
      sql: `((NOT COALESCE(${col('vip')} <> 0, 0)) OR (${col('name')} IS ?))`,
      params: ['m1'],
    });
    expect(sql({ if: [{ var: 'vip' }, { '>': [{ var: 'amount' }, 5] }, false] })).toEqual({
      ok: true,
      sql: `CASE WHEN COALESCE(${col('vip')} <> 0, 0) THEN COALESCE(IFNULL(${col('amount')}, 0) > ?, 0) ELSE 0 END`,
      params: [5],
    });
    expect(sql({ '==': [{ var: 'name' }, null] })).toEqual({ ok: true, sql: `(${col('name')} IS NULL)`, params: [] });
    expect(sql(true)).toEqual({ ok: true, sql: '1', params: [] });
  });
  it('translates arithmetic with JS null and NaN semantics', () => {
    expect(sql({ '>': [{ '+': [{ var: 'amount' }, 1] }, 10] })).toEqual({
      ok: true,
      sql: `COALESCE((${col('amount')} + ?) > ?, 0)`,
      params: [1, 10],
    });
    expect(sql({ '<': [{ '/': [{ '-': [{ var: 'amount' }, { var: 'open' }] }, 2] }, 3] })).toEqual({
      ok: true,
      sql: `COALESCE((CAST((IFNULL(${col('amount')}, 0) - IFNULL(${col('open')}, 0)) AS REAL) / ?) < ?, 0)`,
      params: [2, 3],
    });
    expect(sql({ '==': [{ '+': [{ var: 'amount' }] }, 3] })).toEqual({
      ok: true,
      sql: `COALESCE((${col('amount')}) = ?, 0)`,
      params: [3],
    });
  });
  it('translates is_empty, contains, in over text and arrays, date_add and ordering of dates', () => {
    expect(sql({ is_empty: { var: 'name' } })).toEqual({
      ok: true,
      // Blank text is empty, as in JavaScript: SQL trims exactly the characters String.prototype.trim removes.
      sql: `(${col('name')} IS NULL OR trim(${col('name')}, char(${JS_WHITESPACE.join(',')})) = '')`,
      params: [],
    });
    expect(sql({ is_not_empty: { var: 'tags' } }).ok).toBe(true);
    expect(sql({ contains: [{ var: 'name' }, 'ÄB'] })).toEqual({
      ok: true,
      sql: 'COALESCE(instr(name_folded, ?) > 0, 0)',
      params: ['äb'],
    });
    expect(sql({ in: ['vip', { var: 'tags' }] })).toEqual({
      ok: true,
      sql: `EXISTS (SELECT 1 FROM json_each(${col('tags')}) WHERE type = 'text' AND value = ?)`,
      params: ['vip'],
    });
    expect(sql({ '<': [{ var: 'last' }, { date_add: [{ var: '$today' }, -30, 'day'] }] })).toEqual({
      ok: true,
      sql: `COALESCE(${col('last')} IS NOT NULL AND ${col('last')} < ?, 0)`,
      params: ['2025-02-13'],
    });
    expect(sql({ '>=': [{ date_add: [{ var: 'last' }, 2, 'week'] }, { var: '$today' }] })).toEqual({
      ok: true,
      sql: `COALESCE(date(${col('last')}, ?) IS NOT NULL AND date(${col('last')}, ?) >= ?, 0)`,
      params: ['+14 days', '+14 days', '2025-03-15'],
    });
  });
  it('never puts a value into the SQL text', () => {
    const evil = "x'); DROP TABLE records;--";
    const r = sql({ or: [{ '==': [{ var: 'name' }, evil] }, { in: [{ var: 'status' }, [evil]] }] });
    expect(r.ok && !r.sql.includes('DROP') && r.params.filter((p) => p === evil).length === 2).toBe(true);
  });
  it('refuses what it cannot translate exactly', () => {
    const refused: Rule[] = [
      { '==': [{ var: 'amount' }, '5'] }, // mixed types: JS coerces
      { '==': [{ var: 'untyped' }, 'A'] }, // unknown type
      { '<': [{ var: 'name' }, { var: 'tier' }] }, // both may be null: JS null <= null is true
      { '<': [{ var: 'name' }, '5'] }, // numeric-looking string
      { '<': [{ var: 'name' }, '客户'] }, // non-ASCII ordering
      { '/': [{ var: 'amount' }, { var: 'open' }] }, // x/0 is Infinity in JS
      { '%': [{ var: 'amount' }, 2] },
      { '+': [{ and: [{ var: 'vip' }] }, 1] }, // and's value is not a boolean
      { map: [{ var: 'tags' }, { var: '' }] },
      { var: 'nope' },
      { var: ['amount', 0] },
      { date_diff: [{ var: 'last' }, { var: '$today' }, 'month'] },
      { contains: [{ var: 'status' }, 'a'] }, // no folded column
      { in: [{ var: 'status' }, ['a', 1]] },
      { '>': [{ var: 'amount' }, { var: '$missing' }] },
      { cat: [{ var: 'name' }] },
      { foo: 1 },
    ];
    for (const rule of refused) {
      const r = sql(rule);
      expect(r.ok, JSON.stringify(rule)).toBe(false);
    }
    expect(compileRuleToSql(true, { ...target, dialect: 'postgres' as 'sqlite' }).ok).toBe(false);
  });
});
