import { parseFailure, type ParseOutcome } from './parse-outcome.js';
import { toHalfWidth } from './to-half-width.js';

export type PhoneKind = 'mobile' | 'landline' | 'any';

const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;

/** Chinese area codes of three digits (010, 020–029); all others have four (0755, 0571…). */
function areaCodeLength(digits: string): number {
  return /^0(10|2\d)/.test(digits) ? 3 : 4;
}

/**
 * Reads and normalises a phone number:
 * - Chinese mobiles (prefix 1[3-9], with or without `+86`/`0086`, spaces or dashes) → 11 digits `13800138000`;
 * - Chinese landlines `010-12345678`, `(0755) 1234 5678`, `+86 755 12345678` → `0755-12345678`; an extension
 *   (`-801` as a third group, `转801`, `ext 801`, `#801`) → `0755-12345678-801`;
 * - 400/800 service numbers → `400-123-4567`;
 * - other countries (`+44 20 7946 0958`, `001 212…`) → `+<cc><digits>` (E.164, 8–15 digits).
 * A landline without its area code is rejected (it is ambiguous across cities). `kind` limits what is accepted.
 */
export function parsePhone(text: string, kind: PhoneKind = 'any'): ParseOutcome<string> {
  const original = text.trim();
  const fail = (why: string) => parseFailure('INVALID_PHONE', `"${original}" is not a valid phone number: ${why}`);
  let s = toHalfWidth(original).trim();
  if (/[^\d\s\-+().#转分机extEXT]/.test(s)) return fail('unexpected characters');
  let extension = '';
  const ext = EXTENSION.exec(s);
  if (ext) {
    extension = ext[1] ?? '';
    s = s.slice(0, ext.index);
  }
  let international = false;
  if (/^(\+|00)/.test(s)) {
    international = true;
    s = s.replace(/^(\+|00)\s*/, '');
  }
  let groups = s.split(/[\s\-.()]+/).filter((g) => g !== '');
  if (groups.some((g) => !/^\d+$/.test(g))) return fail('unexpected characters');
  let digits = groups.join('');
  if (international) {
    if (!digits.startsWith('86')) {
      if (kind !== 'any') return fail('only Chinese numbers are accepted');
      if (extension !== '' || digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
        return fail('expected +<country code><number>, 8–15 digits');
      }
      return { ok: true, value: `+${digits}` };
    }
    digits = digits.slice(2);
    if (groups[0] === '86') groups = groups.slice(1);
    else if (groups[0]?.startsWith('86')) groups = [groups[0].slice(2), ...groups.slice(1)];
    if (!/^1[3-9]\d{9}$/.test(digits) && !digits.startsWith('0')) {
      digits = `0${digits}`;
      if (groups[0] !== undefined) groups[0] = `0${groups[0]}`;
    }
  }
  if (digits.startsWith('1')) {
    if (kind === 'landline') return fail('a landline is expected');
    if (extension !== '' || !/^1[3-9]\d{9}$/.test(digits)) return fail('a mobile number is 11 digits starting 13–19');
    return { ok: true, value: digits };
  }
  if (kind === 'mobile') return fail('a mobile number is expected');
  if (/^[48]00\d{7}$/.test(digits) && extension === '') {
    return { ok: true, value: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` };
  }
  if (!digits.startsWith('0')) return fail('a landline needs its area code (e.g. 0755-12345678)');
  // A third dash-separated group after area code and number is an extension: 0755-12345678-801.
  const first = groups[0] ?? '';
  if (extension === '' && groups.length >= 3 && /^0\d{2,3}$/.test(first)) {
    const rest = groups.slice(1);
    const last = rest[rest.length - 1] ?? '';
    const number = rest.slice(0, -1).join('');
    if (/^\d{7,8}$/.test(number) && /^\d{1,6}$/.test(last)) {
      extension = last;
      digits = first + number;
    }
  }
  const area = /^0\d{2,3}$/.test(first) && groups.length > 1 ? first.length : areaCodeLength(digits);
  const local = digits.slice(area);
  if (!/^[1-9]\d{6,7}$/.test(local)) return fail('a landline is an area code and 7–8 digits');
  return { ok: true, value: `${digits.slice(0, area)}-${local}${extension === '' ? '' : `-${extension}`}` };
}
