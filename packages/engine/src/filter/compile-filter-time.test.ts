import type { FilterNode } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { compileFilter } from './compile-filter.js';
import { ctxAt, testForm as form, testRegistry as registry } from './test-form.js';
import type { FilterContext } from './types.js';

const compile = (node: FilterNode) => compileFilter(node, form, registry);
const at = (field: string, value: unknown) => ({ [field]: value });

describe('relative date-time operators use the viewer zone', () => {
  const record = at('meetAt', '2025-03-01T16:30:00Z');
  const isToday = compile({ field: 'meetAt', op: 'isToday' });

  it('2025-03-01T16:30Z is today on 2025-03-02 in Asia/Shanghai', () => {
    expect(isToday(record, ctxAt('2025-03-02T10:00:00+08:00', 'Asia/Shanghai'))).toBe(true);
    expect(isToday(record, ctxAt('2025-03-01T20:00:00+08:00', 'Asia/Shanghai'))).toBe(false);
  });

  it('and today on 2025-03-01 in UTC', () => {
    expect(isToday(record, ctxAt('2025-03-01T20:00:00Z', 'UTC'))).toBe(true);
    expect(isToday(record, ctxAt('2025-03-02T02:00:00Z', 'UTC'))).toBe(false);
  });

  it('one compiled filter follows changing contexts (the memo is keyed by now and zone)', () => {
    const contexts: [FilterContext, boolean][] = [
      [ctxAt('2025-03-02T02:00:00Z', 'UTC'), false],
      [ctxAt('2025-03-02T02:00:00Z', 'Asia/Shanghai'), true],
      [ctxAt('2025-03-01T02:00:00Z', 'UTC'), true],
      [ctxAt('2025-03-01T02:00:00Z', 'Asia/Shanghai'), false],
    ];
    for (const [c, expected] of contexts) expect(isToday(record, c)).toBe(expected);
  });

  it('a DST day (23 hours in New York) covers exactly that local day', () => {
    const c = ctxAt('2025-03-09T12:00:00-04:00', 'America/New_York');
    expect(isToday(at('meetAt', '2025-03-09T05:00:00Z'), c)).toBe(true);
    expect(isToday(at('meetAt', '2025-03-10T03:59:59.999Z'), c)).toBe(true);
    expect(isToday(at('meetAt', '2025-03-10T04:00:00Z'), c)).toBe(false);
    expect(isToday(at('meetAt', '2025-03-09T04:59:59.999Z'), c)).toBe(false);
  });

  it('withinLastDays / withinNextDays / isThisWeek / isThisMonth on date-times', () => {
    const c = ctxAt('2025-03-02T10:00:00+08:00', 'Asia/Shanghai');
    const last7 = compile({ field: 'meetAt', op: 'withinLastDays', value: 7 });
    expect(last7(at('meetAt', '2025-02-22T16:00:00Z'), c)).toBe(true);
    expect(last7(at('meetAt', '2025-02-22T15:59:59Z'), c)).toBe(false);
    const next1 = compile({ field: 'meetAt', op: 'withinNextDays', value: 1 });
    expect(next1(at('meetAt', '2025-03-03T15:59:59Z'), c)).toBe(true);
    expect(next1(at('meetAt', '2025-03-03T16:00:00Z'), c)).toBe(false);
    const week = compile({ field: 'meetAt', op: 'isThisWeek' });
    expect(week(at('meetAt', '2025-02-23T16:00:00Z'), c)).toBe(true);
    expect(week(at('meetAt', '2025-02-23T15:59:59Z'), c)).toBe(false);
    const month = compile({ field: 'meetAt', op: 'isThisMonth' });
    expect(month(at('meetAt', '2025-02-28T16:00:00Z'), c)).toBe(true);
    expect(month(at('meetAt', '2025-02-28T15:59:59Z'), c)).toBe(false);
  });

  it('rejects an unknown zone loudly', () => {
    expect(() => isToday(record, ctxAt('2025-03-01T00:00:00Z', 'Mars/Olympus'))).toThrow(RangeError);
  });
});

describe('a date value on a date-time field means that whole day in the viewer zone', () => {
  const record = at('meetAt', '2025-03-01T16:30:00Z');
  const shanghai = ctxAt('2025-06-01T00:00:00Z', 'Asia/Shanghai');
  const utc = ctxAt('2025-06-01T00:00:00Z', 'UTC');
  const cases: [FilterNode, boolean, boolean][] = [
    [{ field: 'meetAt', op: 'eq', value: '2025-03-02' }, true, false],
    [{ field: 'meetAt', op: 'eq', value: '2025-03-01' }, false, true],
    [{ field: 'meetAt', op: 'neq', value: '2025-03-02' }, false, true],
    [{ field: 'meetAt', op: 'gt', value: '2025-03-01' }, true, false],
    [{ field: 'meetAt', op: 'gte', value: '2025-03-02' }, true, false],
    [{ field: 'meetAt', op: 'lt', value: '2025-03-02' }, false, true],
    [{ field: 'meetAt', op: 'lte', value: '2025-03-01' }, false, true],
    [{ field: 'meetAt', op: 'between', value: ['2025-03-02', '2025-03-02'] }, true, false],
    [{ field: 'meetAt', op: 'in', value: ['2025-02-01', '2025-03-02'] }, true, false],
    [{ field: 'meetAt', op: 'notIn', value: ['2025-03-02'] }, false, true],
  ];
  it.each(cases)('%j: Shanghai %s, UTC %s', (node, inShanghai, inUtc) => {
    const f = compile(node);
    expect(f(record, shanghai)).toBe(inShanghai);
    expect(f(record, utc)).toBe(inUtc);
  });

  it('instants compare exactly, whatever the zone', () => {
    const eq = compile({ field: 'meetAt', op: 'eq', value: '2025-03-02T00:30:00+08:00' });
    expect(eq(record, shanghai)).toBe(true);
    expect(eq(record, utc)).toBe(true);
    const gt = compile({ field: 'meetAt', op: 'gt', value: '2025-03-01T16:30:00Z' });
    expect(gt(record, utc)).toBe(false);
    expect(gt(at('meetAt', '2025-03-01T16:30:00.001Z'), utc)).toBe(true);
    const between = compile({ field: 'meetAt', op: 'between', value: ['2025-03-02', '2025-03-02T00:30:00+08:00'] });
    expect(between(record, shanghai)).toBe(true);
    expect(between(record, utc)).toBe(false);
  });
});

describe('a date-only value is never shifted by a zone (L2)', () => {
  const kiritimati = (iso: string) => ctxAt(iso, 'Pacific/Kiritimati');
  const minus12 = (iso: string) => ctxAt(iso, 'Etc/GMT+12');
  const filters: FilterNode[] = [
    { field: 'birthday', op: 'eq', value: '1990-05-01' },
    { field: 'birthday', op: 'neq', value: '1990-05-01' },
    { field: 'birthday', op: 'gt', value: '1990-04-30' },
    { field: 'birthday', op: 'lt', value: '1990-05-01' },
    { field: 'birthday', op: 'between', value: ['1990-05-01', '1990-05-01'] },
    { field: 'birthday', op: 'in', value: ['1990-05-01'] },
  ];
  const values = ['1990-04-30', '1990-05-01', '1990-05-02'];

  it('comparisons give the same answers in UTC+14 and UTC−12', () => {
    for (const node of filters) {
      const f = compile(node);
      const a = values.map((v) => f(at('birthday', v), kiritimati('2025-03-01T00:00:00Z')));
      const b = values.map((v) => f(at('birthday', v), minus12('2025-03-01T00:00:00Z')));
      expect(a).toEqual(b);
    }
    const eq = compile(filters[0] as FilterNode);
    expect(values.map((v) => eq(at('birthday', v), kiritimati('2025-03-01T00:00:00Z')))).toEqual([false, true, false]);
  });

  it('isToday matches a birthday exactly when the viewer local date is that day', () => {
    // Kiritimati moved from UTC−10 to UTC+14 at the end of 1994, so "today" is tested on a recent date.
    const isToday = compile({ field: 'birthday', op: 'isToday' });
    const record = at('birthday', '2025-05-01');
    expect(isToday(record, kiritimati('2025-05-01T00:00:00+14:00'))).toBe(true);
    expect(isToday(record, kiritimati('2025-05-01T23:59:59+14:00'))).toBe(true);
    expect(isToday(record, kiritimati('2025-05-02T00:00:00+14:00'))).toBe(false);
    expect(isToday(record, minus12('2025-05-01T00:00:00-12:00'))).toBe(true);
    expect(isToday(record, minus12('2025-05-01T23:59:59-12:00'))).toBe(true);
    expect(isToday(record, minus12('2025-04-30T23:59:59-12:00'))).toBe(false);
    // the same instant is 2025-05-01 in Kiritimati and 2025-04-29 in UTC−12
    expect(isToday(record, kiritimati('2025-04-30T10:30:00Z'))).toBe(true);
    expect(isToday(record, minus12('2025-04-30T10:30:00Z'))).toBe(false);
  });
});

describe('relative operators on date fields', () => {
  const sunday = ctxAt('2025-03-02T12:00:00Z', 'UTC');
  const run = (node: FilterNode, days: string[], c = sunday) => days.map((d) => compile(node)(at('birthday', d), c));

  it('isToday / isThisWeek (Monday start) / isThisMonth', () => {
    expect(run({ field: 'birthday', op: 'isToday' }, ['2025-03-01', '2025-03-02'])).toEqual([false, true]);
    const week = ['2025-02-23', '2025-02-24', '2025-03-02', '2025-03-03'];
    expect(run({ field: 'birthday', op: 'isThisWeek' }, week)).toEqual([false, true, true, false]);
    const monday = ctxAt('2025-03-02T17:00:00Z', 'Asia/Shanghai');
    expect(run({ field: 'birthday', op: 'isThisWeek' }, week, monday)).toEqual([false, false, false, true]);
    const feb = ctxAt('2024-02-10T00:00:00Z', 'UTC');
    const month = ['2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01'];
    expect(run({ field: 'birthday', op: 'isThisMonth' }, month, feb)).toEqual([false, true, true, false]);
    const dec = ctxAt('2025-12-31T23:00:00Z', 'UTC');
    expect(run({ field: 'birthday', op: 'isThisMonth' }, ['2025-12-01', '2025-12-31', '2026-01-01'], dec)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('withinLastDays N is today−N … today; withinNextDays N is today … today+N', () => {
    const days = ['2025-02-22', '2025-02-23', '2025-03-02', '2025-03-03', '2025-03-05', '2025-03-06'];
    expect(run({ field: 'birthday', op: 'withinLastDays', value: 7 }, days)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(run({ field: 'birthday', op: 'withinNextDays', value: 3 }, days)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});
