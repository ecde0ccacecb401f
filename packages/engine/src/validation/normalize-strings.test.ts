import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/index.js';
import { normalizeStrings } from './normalize-strings.js';

describe('normalizeText', () => {
  it('equals String.prototype.normalize("NFC") on any text (the quick check never skips a needed change)', () => {
    const units = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom(
          'e',
          '\u0301',
          '\u00e9',
          '客',
          '，',
          '\u3099',
          '\u304b',
          'Ａ',
          '\uf900',
          'ᄀ',
          'ᅡ',
          '\u302a',
          '\u302b',
          '\u302e',
        ),
      }),
    );
    fc.assert(
      fc.property(units, (s) => normalizeText(s) === s.normalize('NFC')),
      { numRuns: 3000 },
    );
  });
  it('copies on write: unchanged values come back as they are, changed ones as copies', () => {
    const same = { a: ['x', 1], b: { c: '客户' } };
    expect(normalizeStrings(same)).toBe(same);
    const input = { a: ['e\u0301'], b: 'x' };
    const out = normalizeStrings(input) as typeof input;
    expect(out).not.toBe(input);
    expect(input.a[0]).toBe('e\u0301');
    expect(out.a[0]).toBe('\u00e9');
  });
  it('normalises nested strings and leaves other values alone', () => {
    expect(normalizeStrings({ a: ['e\u0301', 1, null], b: { c: 'e\u0301' } })).toEqual({
      a: ['\u00e9', 1, null],
      b: { c: '\u00e9' },
    });
  });
});
