import { describe, expect, it } from 'vitest';
import { parseBoolean } from './parse-boolean.js';
import { splitList } from './split-list.js';
import { toHalfWidth } from './to-half-width.js';

describe('parseBoolean', () => {
  it.each(['是', '对', 'true', 'TRUE', 'True', 'yes', 'YES', 'y', 'Y', '1', '✓', '√', ' 是 ', '１'])(
    '%s → true',
    (t) => {
      expect(parseBoolean(t)).toEqual({ ok: true, value: true });
    },
  );
  it.each(['否', '错', 'false', 'FALSE', 'no', 'No', 'n', 'N', '0', '✗', '×'])('%s → false', (t) => {
    expect(parseBoolean(t)).toEqual({ ok: true, value: false });
  });
  it('rejects other text', () => {
    for (const t of ['maybe', '2', '', '是的吗'])
      expect(parseBoolean(t)).toMatchObject({ ok: false, code: 'INVALID_BOOLEAN' });
  });
});

describe('splitList', () => {
  it('splits on the Chinese and ASCII separators', () => {
    expect(splitList('a,b，c、d;e；f|g\nh\r\ni')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(splitList(' 线索 , , 商机 ')).toEqual(['线索', '商机']);
    expect(splitList('')).toEqual([]);
  });
});

describe('toHalfWidth', () => {
  it('maps full-width forms to ASCII', () => {
    expect(toHalfWidth('１２３．５（）－％，￥　Ａ')).toBe('123.5()-%,¥ A');
    expect(toHalfWidth('客户')).toBe('客户');
  });
});
