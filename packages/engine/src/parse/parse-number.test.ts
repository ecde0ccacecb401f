import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.js';

const value = (text: string) => {
  const r = parseNumber(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseNumber', () => {
  it.each([
    ['1200', 1200],
    ['1,200.50', 1200.5],
    ['¥1,200.50', 1200.5],
    ['￥1200', 1200],
    ['$1,200', 1200],
    ['RMB 1200', 1200],
    ['1200元', 1200],
    ['1.2万', 12000],
    ['1.2万元', 12000],
    ['3亿', 300000000],
    ['1.5千', 1500],
    ['-1,000', -1000],
    ['(1,000)', -1000],
    ['(¥1,000.25)', -1000.25],
    ['-¥1,000', -1000],
    ['¥-1,000', -1000],
    ['１２３．５', 123.5],
    ['－１，２００', -1200],
    ['12%', 0.12],
    ['12.5%', 0.125],
    ['7%', 0.07],
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    ['.5', 0.5],
    ['  42  ', 42],
    ['-0', 0],
    ['0.1', 0.1],
    ['1.13万', 11300],
    ['2.675', 2.675],
  ])('%s → %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('is exact where float arithmetic is not', () => {
    expect(value('1.2万')).toBe(12000);
    expect(value('1.13万')).toBe(11300);
    expect(1.13 * 10000).not.toBe(11300);
    expect(value('7%')).toBe(0.07);
    expect(7 / 100).toBe(0.07);
  });

  it('rejects text with a precise message', () => {
    const r = parseNumber('12abc');
    expect(r).toEqual({
      ok: false,
      code: 'INVALID_NUMBER',
      message: '"12abc" is not a number: unexpected "a" at position 3',
    });
    for (const bad of ['', 'abc', '1,20', '1.2.3', '--1', '12万万', '1e999', '1,2345', '¥', '1 2', '(-1)', '-+1']) {
      expect(parseNumber(bad).ok, bad).toBe(false);
    }
  });
});
