import { shiftDecimal } from './shift-decimal.js';

export type RoundMode = 'round' | 'floor' | 'ceil';

/**
 * Rounds in decimal, on the number's decimal text: `roundDecimal(1.005, 2)` is 1.01 (binary
 * `Math.round(1.005 * 100) / 100` gives 1.00). `round` is half away from zero (2.5 → 3, −2.5 → −3); floor and ceil go
 * toward −∞ and +∞. Never returns −0. The one rounding of money, percent, number settings and rule operators.
 */
export function roundDecimal(x: number, digits: number, mode: RoundMode = 'round'): number {
  if (!Number.isFinite(x)) return x;
  // Already at most `digits` places (the common case for stored values): nothing to round.
  if (digits >= 0 && digits <= 15 && Number.isInteger(x * 10 ** digits)) return x === 0 ? 0 : x;
  const scaled = shiftDecimal(Math.abs(x), digits);
  const sign = x < 0 ? -1 : 1;
  let r: number;
  if (mode === 'round') r = Math.round(scaled);
  else if ((mode === 'floor') === sign > 0) r = Math.floor(scaled);
  else r = Math.ceil(scaled);
  const out = sign * shiftDecimal(r, -digits);
  return out === 0 ? 0 : out;
}
