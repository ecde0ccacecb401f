import { describe, expect, it } from 'vitest';
import { findInvalidCharacter, foldText, graphemeLength, normalizeText, truncateGraphemes } from './index.js';

describe('text rules (RELIABILITY K1–K4)', () => {
  it('normalises to NFC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00e9');
    expect(normalizeText('客户名称')).toBe('客户名称');
  });
  it('finds NUL and lone surrogates, accepts paired ones', () => {
    expect(findInvalidCharacter('a\u0000b')).toEqual({ index: 1, reason: 'NUL' });
    expect(findInvalidCharacter('a\uD800b')).toEqual({ index: 1, reason: 'LONE_SURROGATE' });
    expect(findInvalidCharacter('a\uDC00')).toEqual({ index: 1, reason: 'LONE_SURROGATE' });
    expect(findInvalidCharacter('x\uD800')).toEqual({ index: 1, reason: 'LONE_SURROGATE' });
    expect(findInvalidCharacter('😀👨‍👩‍👧‍👦مرحبا客户')).toBeNull();
  });
  it('counts graphemes', () => {
    expect(graphemeLength('abc')).toBe(3);
    expect(graphemeLength('😀😀😀')).toBe(3);
    expect(graphemeLength('👨‍👩‍👧‍👦')).toBe(1);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('客户名称')).toBe(4);
    expect(graphemeLength('a\r\nb')).toBe(3);
  });
  it('truncates without splitting a ZWJ sequence or surrogate pair', () => {
    expect(truncateGraphemes('👨‍👩‍👧‍👦x', 1)).toBe('👨‍👩‍👧‍👦');
    expect(truncateGraphemes('😀😀😀', 2)).toBe('😀😀');
    expect(truncateGraphemes('abc', 2)).toBe('ab');
  });
  it('folds case and normalisation for search and uniqueness', () => {
    expect(foldText('Ä')).toBe(foldText('ä'));
    expect(foldText('e\u0301')).toBe(foldText('\u00e9'));
    expect(foldText('ABC客户')).toBe('abc客户');
    expect(foldText('ß')).not.toBe(foldText('SS'));
  });
});
