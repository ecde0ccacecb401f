import { parseFailure, type ParseOutcome } from './parse-outcome.js';
import { toHalfWidth } from './to-half-width.js';

const CURRENCY_PREFIX = /^(RMB|CNY|USD|US\$|HK\$|HKD|EUR|GBP|JPY|[¥$€£])\s*/i;
const CURRENCY_SUFFIX = /\s*(元|块|圆|RMB|CNY)$/i;
const UNIT_EXPONENTS: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];
/** Digits with optional `,` thousands groups (groups of exactly three), optional fraction, optional exponent. */
const CORE = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/;
const ALLOWED = /[\d.,eE+\-()%¥$€£ ]/;

/**
 * Reads a number as people type it in China: `1200`, `1,200.50`, `¥1,200.50`, `￥1200`, `$1,200`, `RMB 1200`, `1200元`,
 * `1.2万` (12000), `3亿`, `1.5千`, `-1,000`, `(1,000)` (accounting negative), full-width `１２３．５`, `12%` (0.12),
 * `1e3`. Scaling is done on the decimal text (`1.2e4`), so `1.2万` is exactly 12000 and `12.5%` exactly 0.125.
 * Chinese numerals (`一千二`) are not read. Thousands groups must be well-formed (`1,20` is rejected).
 */
export function parseNumber(text: string): ParseOutcome<number> {
  const original = text.trim();
  let s = toHalfWidth(original).trim();
  let negative = false;
  const fail = (why: string) => parseFailure('INVALID_NUMBER', `"${original}" is not a number: ${why}`);
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  let signs = 0;
  const takeSign = () => {
    const sign = /^([+-])\s*/.exec(s);
    if (!sign || signs++ > 0 || paren) return;
    if (sign[1] === '-') negative = !negative;
    s = s.slice(sign[0].length);
  };
  takeSign();
  s = s.replace(CURRENCY_PREFIX, '');
  takeSign();
  s = s.replace(CURRENCY_SUFFIX, '');
  let exponent = 0;
  if (s.endsWith('%')) {
    exponent -= 2;
    s = s.slice(0, -1).trimEnd();
  } else {
    for (const [unit, exp] of UNIT_EXPONENTS) {
      if (s.endsWith(unit)) {
        exponent += exp;
        s = s.slice(0, -unit.length).trimEnd();
        break;
      }
    }
  }
  const m = CORE.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    const chars = [...original];
    const bad = chars.findIndex((ch) => !ALLOWED.test(toHalfWidth(ch)) && !/[万亿千百元块圆]/.test(ch));
    if (bad >= 0) return fail(`unexpected "${chars[bad]}" at position ${bad + 1}`);
    if (/,/.test(s)) return fail('misplaced thousands separator');
    return fail('expected digits with an optional sign, currency, unit (万/亿/千) or %');
  }
  const mantissa = `${(m[1] ?? '0').replace(/,/g, '')}.${m[2] ?? '0'}`;
  const value = Number(`${mantissa}e${Number(m[3] ?? '0') + exponent}`);
  if (!Number.isFinite(value)) return fail('out of range');
  const signed = negative ? -value : value;
  return { ok: true, value: signed === 0 ? 0 : signed };
}
