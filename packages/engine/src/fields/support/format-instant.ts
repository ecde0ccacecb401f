import type { FieldContext } from '../field-type.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'en-CA', {
      timeZone,
      year: 'numeric',
      month: locale === 'en' ? 'short' : '2-digit',
      day: locale === 'en' ? 'numeric' : '2-digit',
      hour: locale === 'en' ? 'numeric' : '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: locale === 'en' ? 'h12' : 'h23',
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * Display of a UTC instant in `ctx.timezone`: `2025-03-01 14:30` (zh-CN) or `Mar 1, 2025, 2:30 PM` (en); seconds are
 * shown only when not zero. An invalid zone falls back to UTC rather than throwing.
 */
export function formatInstant(value: string, ctx: FieldContext, withTime = true): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  let f: Intl.DateTimeFormat;
  try {
    f = formatter(ctx.locale, ctx.timezone);
  } catch {
    f = formatter(ctx.locale, 'UTC');
  }
  const p: { [type: string]: string } = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const seconds = p['second'] !== undefined && p['second'] !== '00' ? `:${p['second']}` : '';
  if (ctx.locale === 'en') {
    const day = `${p['month']} ${p['day']}, ${(p['year'] ?? '').padStart(4, '0')}`;
    return withTime ? `${day}, ${p['hour']}:${p['minute']}${seconds} ${p['dayPeriod']}` : day;
  }
  const day = `${(p['year'] ?? '').padStart(4, '0')}-${p['month']}-${p['day']}`;
  return withTime ? `${day} ${p['hour']}:${p['minute']}${seconds}` : day;
}
