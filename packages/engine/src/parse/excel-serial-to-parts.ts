import { parseFailure, type ParseOutcome } from './parse-outcome.js';

export type ExcelSerialParts = { year: number; month: number; day: number; msOfDay: number };

/** Excel's largest serial: 9999-12-31. */
export const EXCEL_MAX_SERIAL = 2958465;

/**
 * Converts an Excel (1900 system) serial day number to a calendar day and time of day: 1 = 1900-01-01,
 * 45717 = 2025-03-01, fractions are the time of day (rounded to the millisecond, then to the second when within 1 ms).
 * Excel counts the fictional 1900-02-29 as serial 60 (the Lotus leap-year bug): 60 is rejected, 1–59 are shifted.
 */
export function excelSerialToParts(serial: number): ParseOutcome<ExcelSerialParts> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) {
    return parseFailure(
      'INVALID_DATE',
      `Excel serial ${serial} is outside 1–${EXCEL_MAX_SERIAL} (1900-01-01–9999-12-31)`,
    );
  }
  const days = Math.floor(serial);
  if (days === 60) return parseFailure('INVALID_DATE', 'Excel serial 60 is 1900-02-29, a day that does not exist');
  let msOfDay = Math.round((serial - days) * 86400000);
  const toSecond = Math.round(msOfDay / 1000) * 1000;
  if (Math.abs(toSecond - msOfDay) <= 1) msOfDay = toSecond;
  const base = Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const d = new Date(base + days * 86400000);
  if (msOfDay >= 86400000) {
    d.setTime(d.getTime() + 86400000);
    msOfDay -= 86400000;
  }
  return {
    ok: true,
    value: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), msOfDay },
  };
}
