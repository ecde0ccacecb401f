import { describe, expect, it } from 'vitest';
import { parseDateTime } from './parse-date-time.js';
import { parseTimeOfDay } from './parse-time-of-day.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';

describe('parseDateTime', () => {
  it.each([
    ['2025/3/1 14:30', SH, '2025-03-01T06:30:00.000Z'],
    ['2025年3月1日 14:30:05', SH, '2025-03-01T06:30:05.000Z'],
    ['2025年3月1日14时30分', SH, '2025-03-01T06:30:00.000Z'],
    ['2025-03-01T14:30:00+08:00', NY, '2025-03-01T06:30:00.000Z'],
    ['2025-03-01T06:30:00Z', SH, '2025-03-01T06:30:00.000Z'],
    ['2025-03-01 06:30:00.250Z', SH, '2025-03-01T06:30:00.250Z'],
    ['2025-03-01T14:30+0800', SH, '2025-03-01T06:30:00.000Z'],
    ['2025-03-01', SH, '2025-02-28T16:00:00.000Z'],
    ['20250301', 'UTC', '2025-03-01T00:00:00.000Z'],
    ['2025/3/1 下午2:30', SH, '2025-03-01T06:30:00.000Z'],
    ['2025/3/1 2:30 PM', SH, '2025-03-01T06:30:00.000Z'],
    ['2025/3/1 12:05 AM', 'UTC', '2025-03-01T00:05:00.000Z'],
    ['Mar 1, 2025, 2:30 PM', SH, '2025-03-01T06:30:00.000Z'],
    ['45717.5', SH, '2025-03-01T04:00:00.000Z'],
    ['45717.6041666667', 'UTC', '2025-03-01T14:30:00.000Z'],
    ['2025/3/1 14:30', NY, '2025-03-01T19:30:00.000Z'],
    ['2028-02-29 23:59:59', 'UTC', '2028-02-29T23:59:59.000Z'],
    ['0001-01-01T00:00:00Z', SH, '0001-01-01T00:00:00.000Z'],
    ['9999-12-31 23:59:59', 'UTC', '9999-12-31T23:59:59.000Z'],
  ])('%s in %s → %s', (text, zone, expected) => {
    expect(parseDateTime(text, zone)).toEqual({ ok: true, value: expected });
  });

  it('rejects a local time skipped by DST (RELIABILITY L1)', () => {
    expect(parseDateTime('2027-03-14T02:30', NY)).toMatchObject({ ok: false, code: 'NONEXISTENT_LOCAL_TIME' });
    expect(parseDateTime('2027-03-14T01:59', NY)).toEqual({ ok: true, value: '2027-03-14T06:59:00.000Z' });
    expect(parseDateTime('2027-03-14T03:00', NY)).toEqual({ ok: true, value: '2027-03-14T07:00:00.000Z' });
    // With an explicit offset the instant is unambiguous and accepted.
    expect(parseDateTime('2027-03-14T02:30-05:00', NY)).toEqual({ ok: true, value: '2027-03-14T07:30:00.000Z' });
  });

  it('takes the earlier instant of an ambiguous local time (RELIABILITY L1)', () => {
    expect(parseDateTime('2027-11-07T01:30', NY)).toEqual({ ok: true, value: '2027-11-07T05:30:00.000Z' });
    expect(parseDateTime('2027-11-07T01:30-05:00', NY)).toEqual({ ok: true, value: '2027-11-07T06:30:00.000Z' });
  });

  it.each([
    ['2027-02-30 10:00', 'INVALID_DATE'],
    ['2025-13-01 10:00', 'INVALID_DATE'],
    ['0000-01-01T00:00', 'INVALID_DATE'],
    ['+275760-09-13T00:00:00Z', 'INVALID_DATE'],
    ['2025-03-01 24:00', 'INVALID_DATETIME'],
    ['2025-03-01 14:60', 'INVALID_DATETIME'],
    ['2025-03-01 13:00 PM', 'INVALID_DATETIME'],
    ['2025-03-01 14:30+15:00', 'INVALID_DATETIME'],
    ['0001-01-01T00:00:00+08:00', 'INVALID_DATETIME'],
    ['2025-03-01 noon', 'INVALID_DATETIME'],
    ['tomorrow', 'INVALID_DATETIME'],
    ['60.5', 'INVALID_DATE'],
  ])('%s → %s', (text, code) => {
    expect(parseDateTime(text, SH)).toMatchObject({ ok: false, code });
  });

  it('reports an unknown zone', () => {
    expect(parseDateTime('2025-03-01 10:00', 'Mars/Olympus')).toMatchObject({ ok: false, code: 'INVALID_TIMEZONE' });
  });
});

describe('parseTimeOfDay', () => {
  it('reads times, meridiems and offsets', () => {
    expect(parseTimeOfDay('')).toMatchObject({ ok: true, value: { hour: 0, minute: 0, offsetMinutes: null } });
    expect(parseTimeOfDay(' 9:05')).toMatchObject({ ok: true, value: { hour: 9, minute: 5, second: 0 } });
    expect(parseTimeOfDay('T23:59:59.999Z')).toMatchObject({
      ok: true,
      value: { hour: 23, ms: 999, offsetMinutes: 0 },
    });
    expect(parseTimeOfDay('12:00 PM')).toMatchObject({ value: { hour: 12 } });
    expect(parseTimeOfDay('12:00 AM')).toMatchObject({ value: { hour: 0 } });
    expect(parseTimeOfDay('10:00-05:30')).toMatchObject({ value: { offsetMinutes: -330 } });
  });
});
