// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for (RELIABILITY K3)
const SUSPECT = /[\u0000\ud800-\udfff]/;

export type InvalidCharacter = { index: number; reason: 'LONE_SURROGATE' | 'NUL' };

/**
 * The first character no text field may hold (RELIABILITY K3): NUL, or a UTF-16 surrogate without its pair.
 * SQLite silently turns a lone surrogate into U+FFFD and stops `length()` at NUL, so both are rejected on input.
 */
export function findInvalidCharacter(text: string): InvalidCharacter | null {
  // Native regex pre-check: text without NUL and without any surrogate (the common case) needs no scan.
  if (!SUSPECT.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { index: i, reason: 'NUL' };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, reason: 'LONE_SURROGATE' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, reason: 'LONE_SURROGATE' };
  }
  return null;
}
