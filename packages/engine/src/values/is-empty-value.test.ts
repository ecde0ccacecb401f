import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmptyValue } from './is-empty-value.js';

/** Every UTF-16 unit JavaScript's trim() removes. */
const WHITE = [...Array(0x10000).keys()]
  .filter((c) => String.fromCharCode(c).trim() === '')
  .map((c) => String.fromCharCode(c));

describe('isEmptyValue', () => {
  it('text is empty exactly when trim() leaves nothing, whatever white space it starts with', () => {
    const text = fc.string({ unit: fc.constantFrom(...WHITE, 'a', '客', '0') });
    fc.assert(
      fc.property(text, (s) => isEmptyValue(s) === (s.trim() === '')),
      { numRuns: 5000 },
    );
    for (const w of WHITE) expect(isEmptyValue(w)).toBe(true);
  });
  it('null, undefined, [] and objects with nothing in them are empty; 0 and false are values', () => {
    for (const v of [null, undefined, '', [], {}, { province: '', city: null }]) expect(isEmptyValue(v)).toBe(true);
    for (const v of [0, false, 'a', [null], { city: '深圳市' }]) expect(isEmptyValue(v)).toBe(false);
  });
});
