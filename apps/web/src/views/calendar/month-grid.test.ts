import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfValue, monthGrid, placeOnDays, rangeFilter, weekday } from './month-grid.js';

describe('month grid math', () => {
  it('moves months across year ends', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(weekday('2025-03-01')).toBe(6); // a Saturday
  });

  it('builds whole weeks starting on Monday from the week of the 1st to the week of the last day', () => {
    const weeks = monthGrid('2025-03', 1);
    expect(weeks).toHaveLength(6); // 1 March 2025 is a Saturday, 31 March a Monday
    expect(weeks[0]![0]).toBe('2025-02-24');
    expect(weeks[0]![5]).toBe('2025-03-01');
    expect(weeks.at(-1)![0]).toBe('2025-03-31');
    expect(weeks.at(-1)![6]).toBe('2025-04-06');
    for (const week of weeks) expect(week).toHaveLength(7);
    for (const week of weeks) expect(weekday(week[0]!)).toBe(1);
  });

  it('starts on Sunday when asked, and a February that fits four weeks has four rows', () => {
    const weeks = monthGrid('2015-02', 0); // 1 Feb 2015 is a Sunday, 28 Feb a Saturday
    expect(weeks).toHaveLength(4);
    expect(weeks[0]![0]).toBe('2015-02-01');
    expect(weeks[3]![6]).toBe('2015-02-28');
    expect(monthGrid('2025-03', 0)[0]![0]).toBe('2025-02-23');
  });

  it('reads days from dates and instants, and refuses other values', () => {
    expect(dayOfValue('2025-03-09')).toBe('2025-03-09');
    expect(dayOfValue(42)).toBeUndefined();
    expect(dayOfValue('not a date at all')).toBeUndefined();
    const instant = new Date(2025, 2, 9, 23, 30); // local time
    expect(dayOfValue(instant.toISOString())).toBe('2025-03-09');
  });

  it('places records on their day and spans on every visible day up to the end, clamped to the grid', () => {
    const a = { id: 'a', data: { d: '2025-03-05' } };
    const b = { id: 'b', data: { d: '2025-03-05' } };
    const span = { id: 's', data: { d: '2025-02-20', e: '2025-02-25' } };
    const none = { id: 'n', data: {} };
    const placed = placeOnDays([a, b, span, none], 'd', 'e', '2025-02-24', '2025-04-06');
    expect(placed.get('2025-03-05')!.map((r) => r.id)).toEqual(['a', 'b']);
    expect(placed.get('2025-02-24')!.map((r) => r.id)).toEqual(['s']);
    expect(placed.get('2025-02-25')!.map((r) => r.id)).toEqual(['s']);
    expect(placed.has('2025-02-26')).toBe(false);
    expect(placed.has('2025-02-20')).toBe(false);
  });

  it('filters the visible range, including spans that started before it', () => {
    expect(rangeFilter('d', undefined, '2025-02-24', '2025-04-06')).toEqual({
      field: 'd',
      op: 'between',
      value: ['2025-02-24', '2025-04-06'],
    });
    expect(rangeFilter('d', 'e', '2025-02-24', '2025-04-06')).toEqual({
      or: [
        { field: 'd', op: 'between', value: ['2025-02-24', '2025-04-06'] },
        {
          and: [
            { field: 'd', op: 'lt', value: '2025-02-24' },
            { field: 'e', op: 'gte', value: '2025-02-24' },
          ],
        },
      ],
    });
  });
});
