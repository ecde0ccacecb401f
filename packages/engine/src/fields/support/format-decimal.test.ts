import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../parse/parse-number.js';
import { roundDecimal } from '../../values/round-decimal.js';
import { FIELD_TYPE_MODULES } from '../index.js';
import { DEFAULT_FIELD_CONTEXT } from '../field-type.js';
import { formatDecimal } from './format-decimal.js';
import { naturalSortKey } from './natural-sort-key.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const back = (text: string) => {
  const r = parseNumber(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('formatDecimal', () => {
  it('formats with places and groups', () => {
    expect(formatDecimal(1200.5, { decimals: 2, thousands: true })).toBe('1,200.50');
    expect(formatDecimal(-1234567.891, { thousands: true })).toBe('-1,234,567.891');
    expect(formatDecimal(1.005, { decimals: 2 })).toBe('1.01');
    expect(formatDecimal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatDecimal(1e21, { thousands: true })).toBe('1e+21');
    expect(formatDecimal(Number.NaN)).toBe('');
  });

  it('round-trips every finite number through parseNumber (property)', () => {
    fc.assert(
      fc.property(finite, fc.boolean(), (n, thousands) => {
        expect(back(formatDecimal(n, { thousands }))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('round-trips rounded numbers at fixed places (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 }), (n, decimals) => {
        const rounded = roundDecimal(n, decimals);
        expect(back(formatDecimal(n, { decimals, thousands: true }))).toBe(rounded === 0 ? 0 : rounded);
      }),
    );
  });

  it('round-trips money and percent through their field format and parse (property)', () => {
    const { money, percent } = FIELD_TYPE_MODULES;
    const moneyField = { id: 'm', type: 'money' as const, label: 'm' };
    const percentField = { id: 'p', type: 'percent' as const, label: 'p' };
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const value = cents / 100;
        const shown = money.format(value, moneyField, DEFAULT_FIELD_CONTEXT);
        expect(money.parse(shown, moneyField, DEFAULT_FIELD_CONTEXT)).toEqual({
          ok: true,
          value: value === 0 ? 0 : value,
        });
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (ratio) => {
        const shown = percent.format(ratio, percentField, DEFAULT_FIELD_CONTEXT);
        const parsed = percent.parse(shown, percentField, DEFAULT_FIELD_CONTEXT);
        if (!parsed.ok || typeof parsed.value !== 'number') throw new Error(shown);
        expect(Math.abs(parsed.value - ratio)).toBeLessThanOrEqual(Math.abs(ratio) * 1e-15);
      }),
    );
  });
});

describe('naturalSortKey', () => {
  it('orders digit runs numerically', () => {
    expect(naturalSortKey('HT-9') < naturalSortKey('HT-10')).toBe(true);
    expect(naturalSortKey('ht-0010')).toBe(naturalSortKey('HT-10'));
  });
});
