/** Splits a list typed in one cell on `,` `，` `、` `;` `；` `|` and newlines; trims items and drops empty ones. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；|\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
