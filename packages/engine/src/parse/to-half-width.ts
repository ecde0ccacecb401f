/**
 * Turns full-width ASCII forms (`１２３．５`, `（`, `－`, `％`, `，`) into ASCII, the ideographic space into a space,
 * and `￥` into `¥`, so parsers only deal with ASCII punctuation. Other text is unchanged.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xffe5) out += '¥';
    else if (c === 0x3000) out += ' ';
    else if (c === 0x2212) out += '-';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += ch;
  }
  return out;
}
