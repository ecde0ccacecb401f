import { roundDecimal } from '../../values/round-decimal.js';

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Decimal text of a number: `decimals` fixes the places (rounded half away from zero), `thousands` groups with `,`.
 * Without `decimals` the shortest text that reads back to the same number is used (`0.1`, not `0.1000000000000000055`).
 */
export function formatDecimal(value: number, options: { decimals?: number; thousands?: boolean } = {}): string {
  if (!Number.isFinite(value)) return '';
  const { decimals, thousands = false } = options;
  const rounded = decimals === undefined ? value : roundDecimal(value, decimals);
  let text = decimals === undefined ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(decimals);
  if (!thousands || text.includes('e')) return (rounded < 0 ? '-' : '') + text;
  const [integer = '0', fraction] = text.split('.');
  text = group(integer) + (fraction === undefined ? '' : `.${fraction}`);
  return (rounded < 0 ? '-' : '') + text;
}
