/** Shifts the decimal point of a finite number by `digits` places through its decimal text, avoiding binary noise. */
function shift(x: number, digits: number): number {
  const [mantissa, exponent] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + digits}`);
}

export type RoundMode = 'round' | 'floor' | 'ceil';

/**
 * Rounds in decimal: `roundDecimal(1.005, 2)` is 1.01 (binary `Math.round(1.005 * 100) / 100` gives 1.00).
 * `round` is half away from zero (2.5 → 3, −2.5 → −3); floor and ceil go toward −∞ and +∞.
 */
export function roundDecimal(x: number, digits: number, mode: RoundMode = 'round'): number {
  if (!Number.isFinite(x)) return x;
  const scaled = shift(Math.abs(x), digits);
  const sign = x < 0 ? -1 : 1;
  let r: number;
  if (mode === 'round') r = Math.round(scaled);
  else if ((mode === 'floor') === sign > 0) r = Math.floor(scaled);
  else r = Math.ceil(scaled);
  const out = sign * shift(r, -digits);
  return out === 0 ? 0 : out;
}
