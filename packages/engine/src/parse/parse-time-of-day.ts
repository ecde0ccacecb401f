import { parseFailure, type ParseOutcome } from './parse-outcome.js';

export type TimeOfDay = { hour: number; minute: number; second: number; ms: number; offsetMinutes: number | null };

const TIME =
  /^(上午|下午|晚上|中午|凌晨)?\s*(\d{1,2})\s*[:时點点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.(\d{1,9}))?\s*秒?)?\s*分?\s*(AM|PM)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads the time after a date: `14:30`, `14:30:05`, `14:30:05.123`, `14时30分05秒`, `下午2:30`, `2:30 PM`, with an
 * optional offset `Z`, `+08:00`, `+0800`, `-05`. Empty text is midnight. Hours 0–23, seconds 0–59 (no leap seconds).
 */
export function parseTimeOfDay(text: string): ParseOutcome<TimeOfDay> {
  const s = text.replace(/^(T|\s|,)+/, '').trim();
  if (s === '') return { ok: true, value: { hour: 0, minute: 0, second: 0, ms: 0, offsetMinutes: null } };
  const m = TIME.exec(s);
  if (!m) return parseFailure('INVALID_DATETIME', `"${text.trim()}" is not a time (expected e.g. 14:30 or 14:30:05)`);
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? '0');
  const ms = Math.round(Number(`0.${m[5] ?? '0'}`) * 1000);
  const meridiem = (m[1] ?? m[6] ?? '').toUpperCase();
  if (meridiem !== '') {
    if (hour < 1 || hour > 12) return parseFailure('INVALID_DATETIME', `"${s}": hour ${hour} with AM/PM`);
    const pm = meridiem === 'PM' || meridiem === '下午' || meridiem === '晚上';
    if (pm && hour < 12) hour += 12;
    else if (meridiem === '中午' && hour < 11) hour += 12;
    else if (!pm && meridiem !== '中午' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59 || ms > 999) {
    return parseFailure('INVALID_DATETIME', `"${s}" is not a valid time of day`);
  }
  let offsetMinutes: number | null = null;
  const off = m[7];
  if (off !== undefined) {
    if (off.toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const digits = off.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2) || '0');
      if (oh > 14 || om > 59) return parseFailure('INVALID_DATETIME', `"${off}" is not a UTC offset`);
      offsetMinutes = (off.startsWith('-') ? -1 : 1) * (oh * 60 + om);
    }
  }
  return { ok: true, value: { hour, minute, second, ms, offsetMinutes } };
}
