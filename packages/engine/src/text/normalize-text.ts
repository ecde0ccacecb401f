/**
 * True when NFC cannot change the text: every UTF-16 unit is below U+0300 (ASCII and Latin-1, which never compose
 * without a combining mark), a CJK unified ideograph (U+4E00–U+9FFF), CJK punctuation (U+3000–U+303F but the tone
 * marks U+302A–U+302F, which reorder) or a full-width form (U+FF01–U+FF5E). It mirrors ICU's NFC quick check for
 * the text Chinese users type, so the common case skips the call into ICU.
 */
function isNfcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300 || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if ((c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) continue;
    return false;
  }
  return true;
}

/** Canonical form of stored text: Unicode NFC (the one documented change made to text on write, RELIABILITY K1). */
export function normalizeText(text: string): string {
  return isNfcStable(text) ? text : text.normalize('NFC');
}
