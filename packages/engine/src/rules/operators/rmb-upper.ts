import { roundDecimal } from '../../values/round-decimal.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];
/** Amounts up to (but excluding) one 万亿 (10^12 yuan). */
const LIMIT_FEN = 100_000_000_000_000;

/** One 4-digit group (1–9999) without leading zeros: 1005 → 壹仟零伍. */
function groupText(g: number): string {
  let out = '';
  let pendingZero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(g / 10 ** i) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (DIGITS[d] as string) + SMALL_UNITS[i];
  }
  return out;
}

function integerText(n: number): string {
  const groups = [n % 10_000, Math.floor(n / 10_000) % 10_000, Math.floor(n / 100_000_000)];
  let out = '';
  let needZero = false;
  for (let gi = 2; gi >= 0; gi--) {
    const g = groups[gi] as number;
    if (g === 0) {
      if (out !== '') needZero = true;
      continue;
    }
    if (out !== '' && g < 1000) needZero = true;
    if (needZero) out += '零';
    needZero = false;
    out += groupText(g) + GROUP_UNITS[gi];
  }
  return out;
}

/**
 * Chinese uppercase amount (人民币大写) as written on cheques and invoices:
 * 1200.5 → 壹仟贰佰元伍角, 1200 → 壹仟贰佰元整, 325.04 → 叁佰贰拾伍元零肆分, 0.5 → 伍角, 0 → 零元整, −3 → 负叁元整.
 * Rounded to the fen (分) half away from zero; null for non-numbers and amounts of 10^12 yuan or more.
 */
export function rmbUpper(amount: unknown): string | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const fenTotal = Math.round(Math.abs(roundDecimal(amount, 2)) * 100);
  if (fenTotal >= LIMIT_FEN) return null;
  const yuan = Math.floor(fenTotal / 100);
  const jiao = Math.floor(fenTotal / 10) % 10;
  const fen = fenTotal % 10;
  const sign = amount < 0 && fenTotal > 0 ? '负' : '';
  if (fenTotal === 0) return '零元整';
  let out = yuan > 0 ? `${integerText(yuan)}元` : '';
  if (jiao === 0 && fen === 0) return `${sign}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return sign + out;
}
