const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** True when every UTF-16 unit is printable ASCII or common whitespace, where one unit is one grapheme. */
function isSimpleAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // CR LF is one grapheme, so CR makes the text not simple.
    if (c > 0x7e || c === 0x0d) return false;
  }
  return true;
}

/**
 * Length of text as a person counts it: user-perceived characters (extended grapheme clusters).
 * `maxLength` of text fields is defined in graphemes (RELIABILITY K2): 👨‍👩‍👧‍👦 is 1, 😀😀😀 is 3, `é` (NFD) is 1.
 * The browser, the server and the store all call this one function.
 */
export function graphemeLength(text: string): number {
  if (isSimpleAscii(text)) return text.length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** The first `max` graphemes of text; never splits a surrogate pair or a ZWJ sequence. */
export function truncateGraphemes(text: string, max: number): string {
  if (isSimpleAscii(text)) return text.slice(0, max);
  let out = '';
  let n = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (n === max) break;
    out += segment;
    n++;
  }
  return out;
}
