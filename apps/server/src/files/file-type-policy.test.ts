import { describe, expect, it } from 'vitest';
import { decideFileType } from './file-type-policy.js';
import { sanitizeFileName } from './sanitize-file-name.js';
import { sniffFileType } from './sniff-file-type.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffFileType', () => {
  it('recognises magic numbers, and does not mistake text for binaries', () => {
    expect(sniffFileType(bytes([0x89], 'PNG\r\n\x1a\n....')).mime).toBe('image/png');
    expect(sniffFileType(bytes('RIFF\0\0\0\0WEBPVP8 ')).mime).toBe('image/webp');
    expect(sniffFileType(bytes('\0\0\0\x18ftypheic\0\0')).mime).toBe('image/heic');
    expect(sniffFileType(bytes('\0\0\0\x18ftypisom\0\0')).mime).toBe('video/mp4');
    expect(sniffFileType(bytes('junk before %PDF-1.7')).mime).toBe('application/pdf');
    expect(sniffFileType(bytes('MZ\x90\0')).family).toBe('exe');
    expect(sniffFileType(bytes([0x7f], 'ELF')).family).toBe('elf');
    // UTF-16LE text starts FF FE, which is not an MP3 frame; "BM" text is not a bitmap.
    expect(sniffFileType(bytes([0xff, 0xfe], 'h\0i\0')).family).toBe('text');
    expect(sniffFileType(bytes('BMW 3 series price list')).family).toBe('text');
    expect(sniffFileType(Buffer.from('客户名称,金额\r\n上海,1200\r\n', 'utf8')).mime).toBe('text/plain');
    expect(sniffFileType(Buffer.from('\ufeff  <!DOCTYPE html><p>x', 'utf8')).mime).toBe('text/html');
    expect(sniffFileType(bytes('<!-- c --><svg viewBox="0 0 1 1">')).mime).toBe('image/svg+xml');
    expect(sniffFileType(bytes('#!/bin/sh\nrm -rf /')).family).toBe('script');
    expect(sniffFileType(bytes([0x00, 0x01, 0x02, 0x03, 0x10])).mime).toBe('application/octet-stream');
  });
});

describe('decideFileType', () => {
  const png = sniffFileType(bytes([0x89], 'PNG\r\n\x1a\n'));
  const exe = sniffFileType(bytes('MZ'));
  const unknown = sniffFileType(bytes([0, 1, 2, 3]));
  const text = sniffFileType(bytes('hello'));

  it('requires the extension to agree with the content', () => {
    expect(decideFileType('attachment', 'png', exe, undefined)).toMatchObject({ ok: false });
    expect(decideFileType('attachment', 'txt', png, undefined)).toMatchObject({ ok: false });
    expect(decideFileType('attachment', 'png', png, undefined)).toEqual({ ok: true, mime: 'image/png' });
    expect(decideFileType('attachment', 'exe', exe, undefined)).toEqual({ ok: true, mime: 'application/x-msdownload' });
    // Formats nobody sniffs (CAD drawings…) keep working as opaque bytes; text may hold anything printable.
    expect(decideFileType('attachment', 'dwg', unknown, undefined)).toEqual({
      ok: true,
      mime: 'application/octet-stream',
    });
    expect(decideFileType('attachment', 'csv', text, undefined)).toEqual({ ok: true, mime: 'text/csv' });
    expect(decideFileType('attachment', '', exe, undefined)).toEqual({ ok: true, mime: 'application/x-msdownload' });
  });

  it('applies the field type and accept list', () => {
    expect(decideFileType('image', 'exe', exe, undefined)).toMatchObject({ ok: false });
    expect(decideFileType('image', '', unknown, undefined)).toMatchObject({ ok: false });
    expect(decideFileType('signature', 'png', png, undefined)).toMatchObject({ ok: true });
    expect(decideFileType('attachment', 'png', png, ['image/*'])).toMatchObject({ ok: true });
    expect(decideFileType('attachment', 'png', png, ['.PNG'])).toMatchObject({ ok: true });
    expect(decideFileType('attachment', 'png', png, ['application/pdf', '.jpg'])).toMatchObject({ ok: false });
  });
});

describe('sanitizeFileName', () => {
  it('replaces lone surrogates and cuts very long names quickly, keeping the extension', () => {
    expect(sanitizeFileName('a\ud800b.txt')).toBe('a\ufffdb.txt');
    const started = Date.now();
    const name = sanitizeFileName(`${'长'.repeat(200_000)}.pdf`);
    expect(Date.now() - started).toBeLessThan(500);
    expect([...name].length).toBe(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
