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

/** Text is segmented in windows of this many UTF-16 units: V8's segmenter slows down superlinearly on long text. */
const WINDOW = 1024;

/**
 * The grapheme clusters of `text`, in order, segmented window by window so the cost stays linear (V8's segmenter
 * took 15 s for 50,000 emoji in one piece). A window restarts at a boundary found by the previous one, and its last
 * cluster is never trusted (it may continue past the window), so every boundary is the one the whole text has:
 * grapheme rules look one character ahead, and the lookbehind rules (emoji ZWJ sequences, regional-indicator pairs)
 * cannot span a boundary. A window never ends inside a surrogate pair, so that one character is whole.
 */
function* graphemes(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= WINDOW) {
      for (const { segment } of segmenter.segment(text.slice(start))) yield segment;
      return;
    }
    // Never cut a surrogate pair: the cluster before the cut must see the whole code point after it.
    const high = text.charCodeAt(start + WINDOW - 1);
    const window = text.slice(start, start + WINDOW - (high >= 0xd800 && high <= 0xdbff ? 1 : 0));
    let consumed = 0;
    for (const { index, segment } of segmenter.segment(window)) {
      if (index + segment.length >= window.length) break;
      yield segment;
      consumed = index + segment.length;
    }
    if (consumed === 0) {
      // One cluster longer than the window ('e' + thousands of combining marks): segment the rest to find its end.
      const first = segmenter.segment(text.slice(start))[Symbol.iterator]().next();
      const segment = first.done ? text.slice(start) : first.value.segment;
      yield segment;
      consumed = segment.length;
    }
    start += consumed;
  }
}

/**
 * Length of text as a person counts it: user-perceived characters (extended grapheme clusters).
 * `maxLength` of text fields is defined in graphemes (RELIABILITY K2): 👨‍👩‍👧‍👦 is 1, 😀😀😀 is 3, `é` (NFD) is 1.
 * The browser, the server and the store all call this one function. Linear in the length of the text.
 */
export function graphemeLength(text: string): number {
  if (isSimpleAscii(text)) return text.length;
  let n = 0;
  for (const _ of graphemes(text)) n++;
  return n;
}

/** The first `max` graphemes of text; never splits a surrogate pair or a ZWJ sequence. */
export function truncateGraphemes(text: string, max: number): string {
  if (isSimpleAscii(text)) return text.slice(0, max);
  let out = '';
  let n = 0;
  for (const segment of graphemes(text)) {
    if (n === max) break;
    out += segment;
    n++;
  }
  return out;
}
