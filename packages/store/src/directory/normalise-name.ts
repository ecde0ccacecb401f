import { findInvalidCharacter } from '@formflow/schema';

/** Longest department or role name, in graphemes (user-perceived characters: 👨‍👩‍👧‍👦 counts once). */
export const MAX_NAME_GRAPHEMES = 100;

/** Input longer than this is refused before any Unicode work (a grapheme rarely needs more than 20 units). */
const MAX_NAME_CODE_UNITS = 2000;
const CONTROL = /\p{Cc}/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A department or role name as stored: NFC, trimmed, 1–100 graphemes, without control characters (tabs and line
 * breaks included), NUL or lone surrogates (`findInvalidCharacter`). Undefined when the input is not acceptable.
 */
export function normaliseName(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_NAME_CODE_UNITS || findInvalidCharacter(input) !== null) {
    return undefined;
  }
  const name = input.normalize('NFC').trim();
  if (name === '' || CONTROL.test(name)) return undefined;
  // A grapheme is at least one UTF-16 code unit: only longer text needs counting.
  if (name.length > MAX_NAME_GRAPHEMES && [...graphemes.segment(name)].length > MAX_NAME_GRAPHEMES) return undefined;
  return name;
}
