/**
 * The one meaning of "empty" in Formflow — for required fields, filters (`isEmpty`) and sorting alike:
 * `null`, `undefined`, text that is blank (only white space), `[]`, and an object none of whose values is
 * non-empty (an address with every part blank). `0` and `false` are values, not empty.
 * The store's SQL for `isEmpty` mirrors it (`x IS NULL OR trim(x) = ''` for text).
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return isBlank(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    for (const v of Object.values(value)) if (!isEmptyValue(v)) return false;
    return true;
  }
  return false;
}

function isBlank(text: string): boolean {
  if (text === '') return true;
  const first = text.charCodeAt(0);
  // Fast exit for the common case: text starting with a visible character.
  if (first > 0x20 && first !== 0xa0 && first !== 0x1680 && first !== 0x3000 && first < 0x2000) return false;
  return text.trim() === '';
}
