import { describe, expect, it } from 'vitest';
import type { FieldDef, JsonValue } from '@formflow/schema';
import type { FieldContext } from '../fields/field-type.js';
import { planTypeChange, TYPE_CHANGE_SAMPLE_LIMIT } from './plan-type-change.js';

const zh: FieldContext = { timezone: 'Asia/Shanghai', locale: 'zh-CN' };
const en: FieldContext = { timezone: 'Asia/Shanghai', locale: 'en' };
const text: FieldDef = { id: 'f', type: 'text', label: 'F' };
const number: FieldDef = { id: 'f', type: 'number', label: 'F' };
const date: FieldDef = { id: 'f', type: 'date', label: 'F' };
const datetime: FieldDef = { id: 'f', type: 'datetime', label: 'F' };
const select: FieldDef = {
  id: 'f',
  type: 'select',
  label: 'F',
  settings: {
    options: [
      { id: 'won', label: { 'zh-CN': '赢单', en: 'Won' } },
      { id: 'lost', label: { 'zh-CN': '输单', en: 'Lost' } },
    ],
  },
};
const rows = (values: JsonValue[]) => values.map((value, i) => ({ recordId: `r${i}`, value }));
const convert = (from: FieldDef, to: FieldDef, value: JsonValue, ctx = zh) =>
  planTypeChange(from, to, [], ctx).convert(value);

describe('planTypeChange', () => {
  it('text → number reads grouped numbers and reports what does not parse', () => {
    const plan = planTypeChange(text, number, rows(['1,200', '12.5', 'abc', null, '  ', '1.2万']), zh);
    expect(plan).toMatchObject({ convertible: 3, unconvertible: 1, empty: 2 });
    expect(plan.samples).toEqual([{ recordId: 'r2', before: 'abc', reason: expect.any(String) }]);
    expect(plan.convert('1,200')).toEqual({ ok: true, value: 1200 });
    expect(plan.convert('abc').ok).toBe(false);
    expect(plan.convert(null)).toEqual({ ok: true, value: null });
  });

  it('number → text gives the display text', () => {
    expect(convert(number, text, 1200)).toEqual({ ok: true, value: '1200' });
    expect(convert(number, text, 0)).toEqual({ ok: true, value: '0' });
  });

  it('text → select matches an option by label (either locale, any case) or by id', () => {
    expect(convert(text, select, '赢单')).toEqual({ ok: true, value: 'won' });
    expect(convert(text, select, 'lost')).toEqual({ ok: true, value: 'lost' });
    expect(convert(text, select, 'WON')).toEqual({ ok: true, value: 'won' });
    expect(convert(text, select, 'maybe').ok).toBe(false);
  });

  it('select → text gives the label in the locale', () => {
    expect(convert(select, text, 'won')).toEqual({ ok: true, value: '赢单' });
    expect(convert(select, text, 'won', en)).toEqual({ ok: true, value: 'Won' });
  });

  it('date → datetime gives local midnight in the zone, in both locales', () => {
    expect(convert(date, datetime, '2025-03-01')).toEqual({ ok: true, value: '2025-02-28T16:00:00.000Z' });
    expect(convert(date, datetime, '2025-03-01', en)).toEqual({ ok: true, value: '2025-02-28T16:00:00.000Z' });
  });

  it('text → date reads 2025/3/1 and refuses impossible dates', () => {
    expect(convert(text, date, '2025/3/1')).toEqual({ ok: true, value: '2025-03-01' });
    expect(convert(text, date, '2027-02-30').ok).toBe(false);
  });

  it('checks the new type value schema: a number outside min/max does not convert', () => {
    const bounded: FieldDef = { ...number, settings: { min: 0, max: 100 } };
    expect(convert(text, bounded, '50')).toEqual({ ok: true, value: 50 });
    expect(convert(text, bounded, '500')).toMatchObject({ ok: false, reason: expect.stringMatching(/^TOO_LARGE/) });
  });

  it('number → text respects the new maxLength', () => {
    const short: FieldDef = { ...text, settings: { maxLength: 2 } };
    expect(convert(number, short, 12)).toEqual({ ok: true, value: '12' });
    expect(convert(number, short, 1234).ok).toBe(false);
  });

  it('keeps at most 20 samples while counting every failure', () => {
    const plan = planTypeChange(text, number, rows(Array.from({ length: 50 }, (_, i) => `x${i}`)), zh);
    expect(plan.unconvertible).toBe(50);
    expect(plan.samples).toHaveLength(TYPE_CHANGE_SAMPLE_LIMIT);
    expect(plan.samples[0]).toMatchObject({ recordId: 'r0', before: 'x0' });
  });

  it('a value the old type cannot show is unconvertible, never nulled', () => {
    expect(convert(number, text, 'not a number').ok).toBe(false);
  });
});
