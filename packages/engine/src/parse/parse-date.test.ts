import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToParts } from './excel-serial-to-parts.js';
import { parseDate } from './parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025 年 3 月 1 日', '2025-03-01'],
    ['2025-3-1', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['２０２５／３／１', '2025-03-01'],
    ['45717', '2025-03-01'],
    ['45717.0', '2025-03-01'],
    ['45717.75', '2025-03-01'],
    ['2025/3/1 0:00', '2025-03-01'],
    ['2025-03-01T00:00:00', '2025-03-01'],
    ['Mar 1, 2025', '2025-03-01'],
    ['2028-02-29', '2028-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['0001-01-01', '0001-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['2958465', '9999-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '2027-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '1900-02-29',
    '2100-02-29',
    '0000-01-01',
    '+275760-09-13',
    '-0001-01-01',
    '60',
    '0',
    '2958466',
    '2025-03-01 14:30',
    '2025-03-01T00:00:00Z',
    '2025/3',
    'yesterday',
    '2025-03-01abc',
  ])('%s → INVALID_DATE', (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });

  it('explains the fictional Excel 1900-02-29 and the year limits', () => {
    expect(parseDate('60')).toMatchObject({ message: expect.stringContaining('1900-02-29') });
    expect(parseDate('0000-01-01')).toMatchObject({ message: expect.stringContaining('0000') });
    expect(parseDate('+275760-09-13')).toMatchObject({ message: expect.stringContaining('0001–9999') });
  });

  it('reads Excel serial fractions as times of day', () => {
    expect(excelSerialToParts(45717.6041666667)).toEqual({
      ok: true,
      value: { year: 2025, month: 3, day: 1, msOfDay: (14 * 60 + 30) * 60000 },
    });
  });

  it('parses every generated valid date in each written form (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          expect(parseDate(iso)).toEqual({ ok: true, value: iso });
          expect(parseDate(`${y}/${Number(m)}/${Number(day)}`)).toEqual({ ok: true, value: iso });
          expect(parseDate(`${y}年${Number(m)}月${Number(day)}日`)).toEqual({ ok: true, value: iso });
          expect(parseDate(`${y}${m}${day}`)).toEqual({ ok: true, value: iso });
        },
      ),
    );
  });

  it('maps generated Excel serials to consecutive days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
        const a = parseDate(String(serial));
        const b = parseDate(String(serial + 1));
        if (!a.ok || !b.ok) throw new Error('serial not parsed');
        expect(Date.parse(`${b.value}T00:00:00Z`) - Date.parse(`${a.value}T00:00:00Z`)).toBe(86400000);
      }),
    );
  });
});
