import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeLength, truncateGraphemes } from './grapheme-length.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const whole = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

/** Pieces that stress cluster rules at window edges (1,024 units): ZWJ families, flags, marks, Hangul jamo, CRLF. */
const piece = fc.constantFrom(
  'a',
  '长',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  '🇨',
  'e\u0301',
  '\u0301',
  '\u1100\u1161\u11a8',
  '\r\n',
  '\r',
  '👍🏽',
  '\u200d',
);

describe('graphemeLength over long text (windowed segmentation)', () => {
  it('agrees with segmenting the whole text, across window boundaries', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 300, maxLength: 1500 }), (pieces) => {
        const text = pieces.join('');
        const expected = whole(text);
        expect(graphemeLength(text)).toBe(expected.length);
        expect(truncateGraphemes(text, 700)).toBe(expected.slice(0, 700).join(''));
      }),
      { numRuns: 60 },
    );
  });

  it('counts one cluster longer than a window as one', () => {
    expect(graphemeLength(`x${'e' + '\u0301'.repeat(5000)}y`)).toBe(3);
  });

  it('keeps regional-indicator pairing across windows', () => {
    const text = `x${'🇨🇳'.repeat(700)}`;
    expect(graphemeLength(text)).toBe(701);
    const odd = `x${'🇨'.repeat(1001)}`;
    expect(graphemeLength(odd)).toBe(whole(odd).length);
  });
});
