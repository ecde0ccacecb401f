/** Multiplies by 10^places on the decimal text, exactly as written: `shiftDecimal(0.07, 2)` is 7, not 7.000000000000001. */
export function shiftDecimal(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa = '0', exp = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exp) + places}`);
}
