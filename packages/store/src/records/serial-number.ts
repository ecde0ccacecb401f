import type { SerialFieldSpec } from './record-types.js';

type DateParts = { year: string; month: string; day: string };

function dateParts(now: Date, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return { year: parts['year'] ?? '0000', month: parts['month'] ?? '00', day: parts['day'] ?? '00' };
}

/** The counter period of a serial field at `now`: counters restart in each new period ('' = never). */
export function serialPeriod(spec: SerialFieldSpec, now: Date): string {
  const { year, month, day } = dateParts(now, spec.timeZone ?? 'UTC');
  switch (spec.resetEvery ?? 'never') {
    case 'day':
      return `${year}${month}${day}`;
    case 'month':
      return `${year}${month}`;
    case 'year':
      return year;
    default:
      return '';
  }
}

/** The serial number text: prefix + date part + counter padded to `digits` (default 4; grows past it). */
export function formatSerial(spec: SerialFieldSpec, now: Date, counter: number): string {
  const { year, month, day } = dateParts(now, spec.timeZone ?? 'UTC');
  const datePart =
    spec.dateFormat === 'YYYYMMDD'
      ? `${year}${month}${day}`
      : spec.dateFormat === 'YYYYMM'
        ? `${year}${month}`
        : spec.dateFormat === 'YYYY'
          ? year
          : '';
  return `${spec.prefix ?? ''}${datePart}${String(counter).padStart(spec.digits ?? 4, '0')}`;
}
