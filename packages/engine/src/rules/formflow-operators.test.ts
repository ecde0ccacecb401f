import { describe, expect, it } from 'vitest';
import type { Rule } from '@formflow/schema';
import { compileRule } from './compile-rule.js';

const ctx = { $today: '2025-03-15', $now: '2025-03-15T02:00:00Z' };
function run(rule: Rule, data: object = {}, timeZone?: string): unknown {
  return compileRule(rule, timeZone ? { timeZone } : {})({ ...ctx, ...data });
}

describe('date operators', () => {
  it('today/now come from the context, even inside item scopes', () => {
    expect(run({ today: [] })).toBe('2025-03-15');
    expect(run({ now: [] })).toBe('2025-03-15T02:00:00Z');
    expect(
      run({ map: [{ var: 'd' }, { date_diff: [{ var: '' }, { today: [] }, 'day'] }] }, { d: ['2025-03-10'] }),
    ).toEqual([5]);
    expect(compileRule({ today: [] })({})).toBeNull();
  });
  it('date_add clamps month ends and keeps date-only values date-only', () => {
    expect(run({ date_add: ['2025-01-31', 1, 'month'] })).toBe('2025-02-28');
    expect(run({ date_add: ['2024-02-29', 1, 'year'] })).toBe('2025-02-28');
    expect(run({ date_add: ['2025-03-15', -2, 'week'] })).toBe('2025-03-01');
    expect(run({ date_add: ['2025-12-31', 1, 'day'] })).toBe('2026-01-01');
    expect(run({ date_add: ['2025-02-30', 1, 'day'] })).toBeNull();
    expect(run({ date_add: ['2025-01-01', 1.5, 'day'] })).toBeNull();
    expect(run({ date_add: ['2025-03-08T16:30:00Z', 1, 'day'] }, {}, 'America/New_York')).toBe(
      '2025-03-09T15:30:00.000Z',
    );
  });
  it('date_diff counts whole units b − a; days_between is days', () => {
    expect(run({ date_diff: ['2025-01-01', { var: '$today' }, 'day'] })).toBe(73);
    expect(run({ date_diff: ['2025-03-15', '2025-01-01', 'day'] })).toBe(-73);
    expect(run({ date_diff: ['2025-01-31', '2025-02-28', 'month'] })).toBe(1);
    expect(run({ date_diff: ['2025-01-15', '2025-02-14', 'month'] })).toBe(0);
    expect(run({ date_diff: ['2024-02-29', '2025-02-28', 'year'] })).toBe(1);
    expect(run({ date_diff: ['2025-01-01', '2025-01-20', 'week'] })).toBe(2);
    expect(run({ days_between: ['2025-03-01', '2025-03-15'] })).toBe(14);
    expect(run({ days_between: ['x', '2025-03-15'] })).toBeNull();
    // An instant becomes a calendar date in the compile time zone: 2025-03-14T20:00Z is the 15th in Shanghai.
    expect(run({ days_between: ['2025-03-14T20:00:00Z', '2025-03-15'] }, {}, 'Asia/Shanghai')).toBe(0);
    expect(run({ days_between: ['2025-03-14T20:00:00Z', '2025-03-15'] })).toBe(1);
    expect(run({ days_between: ['2025-03-14T20:00', '2025-03-15'] })).toBeNull(); // no offset: ambiguous
  });
  it('start_of/end_of use Monday weeks; parts and weekday', () => {
    expect(run({ start_of: ['2025-03-15', 'week'] })).toBe('2025-03-10');
    expect(run({ end_of: ['2025-03-15', 'week'] })).toBe('2025-03-16');
    expect(run({ start_of: ['2025-03-16', 'week'] })).toBe('2025-03-10');
    expect(run({ start_of: ['2025-08-20', 'quarter'] })).toBe('2025-07-01');
    expect(run({ end_of: ['2025-08-20', 'quarter'] })).toBe('2025-09-30');
    expect(run({ end_of: ['2024-02-10', 'month'] })).toBe('2024-02-29');
    expect(run({ start_of: ['2025-08-20', 'year'] })).toBe('2025-01-01');
    expect(run({ end_of: ['2025-08-20', 'year'] })).toBe('2025-12-31');
    expect(run({ year: ['2025-08-20'] })).toBe(2025);
    expect(run({ month: '2025-08-20' })).toBe(8);
    expect(run({ day: '2025-08-20' })).toBe(20);
    expect(run({ weekday: '2025-03-16' })).toBe(7);
    expect(run({ weekday: '2025-03-10' })).toBe(1);
    expect(run({ weekday: 'nope' })).toBeNull();
  });
});

describe('string operators', () => {
  it('lower, upper, trim, length in graphemes', () => {
    expect(run({ lower: 'ÄBC' })).toBe('äbc');
    expect(run({ upper: 'abc' })).toBe('ABC');
    expect(run({ trim: '  a ' })).toBe('a');
    expect(run({ length: '👨‍👩‍👧‍👦客户' })).toBe(3);
    expect(run({ length: null })).toBeNull();
    expect(run({ length: 123 })).toBe(3);
  });
  it('contains/starts_with/ends_with fold case and normalisation', () => {
    expect(run({ contains: ['Hello Wörld', 'WÖR'] })).toBe(true);
    expect(run({ contains: ['caf\u00e9', 'CAFE\u0301'] })).toBe(true);
    expect(run({ contains: [null, ''] })).toBe(false);
    expect(run({ starts_with: ['Formflow', 'form'] })).toBe(true);
    expect(run({ ends_with: ['Formflow', 'FLOW'] })).toBe(true);
    expect(run({ ends_with: ['Formflow', 'x'] })).toBe(false);
  });
  it('left, right, pad_start, to_text, to_number, join', () => {
    expect(run({ left: ['👨‍👩‍👧‍👦abc', 2] })).toBe('👨‍👩‍👧‍👦a');
    expect(run({ right: ['abc😀', 2] })).toBe('c😀');
    expect(run({ right: ['abc', 0] })).toBe('');
    expect(run({ left: ['abc', -1] })).toBeNull();
    expect(run({ pad_start: [7, 3, '0'] })).toBe('007');
    expect(run({ pad_start: ['abcd', 3] })).toBe('abcd');
    expect(run({ to_text: 12.5 })).toBe('12.5');
    expect(run({ to_text: null })).toBe('');
    expect(run({ to_number: ' 1,200.50 ' })).toBe(1200.5);
    expect(run({ to_number: '12abc' })).toBeNull();
    expect(run({ to_number: '' })).toBeNull();
    expect(run({ to_number: '-1e3' })).toBe(-1000);
    expect(run({ join: [['a', null, 'b', '', 3]] })).toBe('a,b,3');
    expect(run({ join: [['a', 'b'], ' / '] })).toBe('a / b');
  });
});

describe('number operators', () => {
  it('round is decimal-correct, half away from zero', () => {
    expect(run({ round: [1.005, 2] })).toBe(1.01);
    expect(run({ round: [2.5] })).toBe(3);
    expect(run({ round: [-2.5] })).toBe(-3);
    expect(run({ round: [1234.5, -2] })).toBe(1200);
    expect(run({ round: [1e-7, 2] })).toBe(0);
    expect(run({ floor: [-1.25, 1] })).toBe(-1.3);
    expect(run({ ceil: [1.21, 1] })).toBe(1.3);
    expect(run({ round: ['x', 1] })).toBeNull();
  });
  it('abs, sum, avg, count, pow', () => {
    expect(run({ abs: -3 })).toBe(3);
    expect(run({ sum: [[0.1, 0.2, null, '1,000']] })).toBe(1000.3);
    expect(run({ sum: { var: 'xs' } }, { xs: [] })).toBe(0);
    expect(run({ avg: [[1, 2, '']] })).toBe(1.5);
    expect(run({ avg: [[]] })).toBeNull();
    expect(run({ count: [[1, null, '', 'a', []]] })).toBe(2);
    expect(run({ pow: [2, 10] })).toBe(1024);
    expect(run({ pow: [10, 400] })).toBeNull();
    expect(run({ pow: [2, 100000] })).toBeNull();
  });
  it('rmb_upper writes cheque amounts', () => {
    const cases: [number, string][] = [
      [1200.5, '壹仟贰佰元伍角'],
      [0, '零元整'],
      [-3, '负叁元整'],
      [1200, '壹仟贰佰元整'],
      [325.04, '叁佰贰拾伍元零肆分'],
      [0.5, '伍角'],
      [0.05, '伍分'],
      [1005, '壹仟零伍元整'],
      [10010000, '壹仟零壹万元整'],
      [100000001, '壹亿零壹元整'],
      [107000.53, '壹拾万柒仟元伍角叁分'],
      [1.005, '壹元零壹分'],
    ];
    for (const [n, text] of cases) expect(run({ rmb_upper: n })).toBe(text);
    expect(run({ rmb_upper: 'x' })).toBeNull();
    expect(run({ rmb_upper: 1e13 })).toBeNull();
  });
});

describe('empty operators', () => {
  it('null, missing, "" and [] are empty; coalesce short-circuits', () => {
    expect(run({ is_empty: { var: 'nope' } })).toBe(true);
    expect(run({ is_empty: [''] })).toBe(true);
    expect(run({ is_empty: [[]] })).toBe(true);
    expect(run({ is_empty: [0] })).toBe(false);
    expect(run({ is_empty: [' \u3000'] })).toBe(true);
    expect(run({ is_empty: [' a '] })).toBe(false);
    expect(run({ is_not_empty: { var: 'a' } }, { a: 'x' })).toBe(true);
    expect(run({ coalesce: [{ var: 'a' }, '', { var: 'b' }, 'z'] }, { b: 0 })).toBe(0);
    expect(run({ coalesce: [null, ''] })).toBeNull();
  });
});
