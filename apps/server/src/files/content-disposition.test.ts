import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('gives an ASCII fallback without quotes or backslashes, and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('attachment', '报价 "最终"\\版%.xlsx')).toBe(
      `attachment; filename="__ _______.xlsx"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%20%22%E6%9C%80%E7%BB%88%22%5C%E7%89%88%25.xlsx`,
    );
  });

  it("percent-encodes the characters outside RFC 8187's attr-char set that encodeURIComponent leaves", () => {
    expect(contentDisposition('inline', "a'b(c)*.png")).toBe(
      `inline; filename="a'b(c)*.png"; filename*=UTF-8''a%27b%28c%29%2A.png`,
    );
  });
});
