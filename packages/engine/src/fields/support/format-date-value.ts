import type { Locale } from '@formflow/schema';
import { wallClockMs } from '../../parse/wall-clock-ms.js';

const EN_DATE = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** Display of a `YYYY-MM-DD` value: unchanged in zh-CN, `Mar 1, 2025` in en (the year keeps four digits: `Jan 1, 0001`). Never shifted by a zone (RELIABILITY L2). */
export function formatDateValue(value: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || locale === 'zh-CN') return value;
  const p: { [type: string]: string } = {};
  for (const part of EN_DATE.formatToParts(new Date(wallClockMs(Number(m[1]), Number(m[2]), Number(m[3]))))) {
    p[part.type] = part.value;
  }
  return `${p['month']} ${p['day']}, ${m[1]}`;
}
