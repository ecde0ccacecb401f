import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeCsvStream, detectEncoding, SNIFF_BYTES } from './decode-csv.js';
import { CsvImportError } from './import-error.js';
import { chunked } from './testing/import-fixtures.js';

// GB18030/GBK bytes: 客户名称 = BF CD BB A7 C3 FB B3 C6, 你好 = C4 E3 BA C3.
const GB_HEADER = [0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6];
const GB_NIHAO = [0xc4, 0xe3, 0xba, 0xc3];

async function decodeAll(bytes: Uint8Array, encoding?: 'utf-8' | 'gb18030' | 'latin1'): Promise<string> {
  let text = '';
  for await (const part of decodeCsvStream(chunked(bytes, 3), encoding ? { encoding } : {})) text += part;
  return text;
}

describe('decodeCsvStream', () => {
  it('strips a UTF-8 BOM and keeps Chinese, emoji and RTL text across chunk borders', async () => {
    const text = '客户名称\r\n你好 😀 مرحبا\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(await decodeAll(bytes)).toBe(text);
    expect(detectEncoding(bytes)).toBe('utf-8');
  });

  it('reads GB18030 (Chinese Excel) when the bytes are not UTF-8', async () => {
    const bytes = new Uint8Array([...GB_HEADER, 0x0d, 0x0a, ...GB_NIHAO]);
    expect(detectEncoding(bytes)).toBe('gb18030');
    expect(await decodeAll(bytes)).toBe('客户名称\r\n你好');
  });

  it('never writes mojibake: GBK bytes forced to UTF-8 are an INVALID_ENCODING error', async () => {
    const bytes = new Uint8Array([...GB_HEADER]);
    await expect(decodeAll(bytes, 'utf-8')).rejects.toMatchObject({ code: 'INVALID_ENCODING' });
    expect(() => decodeCsvBytes(bytes, { encoding: 'utf-8' })).toThrow(CsvImportError);
  });

  it('UTF-8 detected from the first 64 KiB but GBK later is an error, not mojibake', async () => {
    const bytes = new Uint8Array([...new Uint8Array(SNIFF_BYTES).fill(0x61), 0x0a, ...GB_NIHAO]);
    await expect(decodeAll(bytes)).rejects.toMatchObject({ code: 'INVALID_ENCODING' });
  });

  it('reads Latin-1 when chosen explicitly', async () => {
    expect(await decodeAll(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'latin1')).toBe('Café');
  });

  it('a 0-byte file is EMPTY_FILE', async () => {
    await expect(decodeAll(new Uint8Array(0))).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    expect(() => decodeCsvBytes(new Uint8Array(0))).toThrow(/empty/);
  });

  it('stops at maxBytes with FILE_TOO_LARGE', async () => {
    const run = async () => {
      for await (const part of decodeCsvStream(chunked('a,b\n1,2\n3,4\n', 4), { maxBytes: 8 })) void part;
    };
    await expect(run()).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });
});
