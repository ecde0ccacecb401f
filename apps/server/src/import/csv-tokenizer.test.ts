import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer.js';

function tokenize(text: string, size: number, delimiter: ',' | ';' | '\t' = ','): string[][] {
  const t = new CsvTokenizer(delimiter, 64);
  const out: string[][] = [];
  for (let at = 0; at < text.length; at += size) out.push(...t.push(text.slice(at, at + size)));
  out.push(...t.end());
  return out;
}

const SAMPLE =
  '客户名称,备注,金额\r\n"多行\r\n客户","He said ""hi""",1\r\nA,ab"c,2\n\n , ,\nB,"x, y",\r"末行",😀 مرحبا,3';
const EXPECTED = [
  ['客户名称', '备注', '金额'],
  ['多行\r\n客户', 'He said "hi"', '1'],
  ['A', 'ab"c', '2'],
  ['B', 'x, y', ''],
  ['末行', '😀 مرحبا', '3'],
];

describe('CsvTokenizer', () => {
  it('splits quoted cells, doubled quotes, CRLF/LF/CR, skips blank records, at every chunk size', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 1000]) expect(tokenize(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('keeps a trailing empty cell and handles ; and tab delimiters', () => {
    expect(tokenize('a,\n', 1)).toEqual([['a', '']]);
    expect(tokenize('a,', 1)).toEqual([['a', '']]);
    expect(tokenize('a;"b;c"\nd;e', 2, ';')).toEqual([
      ['a', 'b;c'],
      ['d', 'e'],
    ]);
    expect(tokenize('a\t"b\tc"', 3, '\t')).toEqual([['a', 'b\tc']]);
  });

  it('refuses an unclosed quote, text after a closing quote and an over-long record with the line', () => {
    expect(() => tokenize('a\n"unclosed\n', 4)).toThrow(expect.objectContaining({ code: 'MALFORMED_CSV' }));
    expect(() => tokenize('a\nb\n"x"y,1\n', 3)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_CSV', details: { line: 3 } }),
    );
    expect(() => tokenize(`"${'x'.repeat(200)}`, 10)).toThrow(expect.objectContaining({ code: 'MALFORMED_CSV' }));
  });
});
