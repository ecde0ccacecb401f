/**
 * Rounds to `decimals` places, half away from zero, on the decimal text of the number, so `1.005` → `1.01` and
 * `-2.5` → `-3` (Math.round and toFixed get these wrong because of binary floats).
 */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // Already at most `decimals` places (the common case for stored values): nothing to round.
  if (decimals >= 0 && decimals <= 15 && Number.isInteger(value * 10 ** decimals)) return value;
  const [mantissa = '0', exp = '0'] = String(Math.abs(value)).split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exp) + decimals}`));
  const [m2 = '0', e2 = '0'] = String(scaled).split('e');
  const rounded = Number(`${m2}e${Number(e2) - decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
