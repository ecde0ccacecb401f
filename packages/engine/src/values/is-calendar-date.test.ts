import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './is-calendar-date.js';

describe('isCalendarDate', () => {
  it('accepts real dates and refuses impossible ones (RELIABILITY L1)', () => {
    for (const ok of ['2028-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2025-03-01'])
      expect(isCalendarDate(ok)).toBe(true);
    for (const bad of [
      '2027-02-30',
      '1900-02-29',
      '0000-01-01',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '2025/01/01',
      '+275760-09-13',
      '２０２５-01-01',
      '2025-01-01T00:00',
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
  it('agrees with the JavaScript calendar on every generated day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(Date.UTC(2000, m - 1, d));
          date.setUTCFullYear(y);
          const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          return isCalendarDate(text) === real;
        },
      ),
      { numRuns: 5000 },
    );
  });
});
