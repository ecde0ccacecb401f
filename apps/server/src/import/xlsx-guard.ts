import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CsvImportError } from './import-error.js';

/** Caps on what a workbook may declare before a byte of it is parsed (RELIABILITY J2). */
export type XlsxLimits = {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxUncompressedBytes: number;
  /** Uncompressed size of `xl/sharedStrings.xml` (the reader keeps every shared string in memory). */
  maxSharedStringsBytes: number;
  /** Uncompressed size of `xl/styles.xml` (kept in memory to recognise date cells). */
  maxStylesBytes: number;
  /** Most entries in the zip. */
  maxEntries: number;
  /** Largest uncompressed / compressed ratio of an entry bigger than 1 MiB (XML compresses ~10–30×). */
  maxRatio: number;
};

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 2 * 1024 ** 3,
  maxSharedStringsBytes: 256 * 1024 ** 2,
  maxStylesBytes: 16 * 1024 ** 2,
  maxEntries: 10_000,
  maxRatio: 200,
};

export type XlsxEntry = { name: string; compressed: number; uncompressed: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function invalidXlsx(): CsvImportError {
  return new CsvImportError('INVALID_XLSX', {
    'zh-CN': '文件不是有效的 Excel 工作簿（.xlsx），可能是改了扩展名的 CSV、HTML 或旧版 .xls 文件',
    en: 'The file is not a valid Excel workbook (.xlsx); it may be a renamed CSV, HTML or old .xls file',
  });
}

function tooLarge(zh: string, en: string, details: Record<string, string | number>): CsvImportError {
  return new CsvImportError(
    'XLSX_TOO_LARGE',
    { 'zh-CN': `工作簿过大：${zh}`, en: `The workbook is too large: ${en}` },
    details,
  );
}

/** Whether the bytes start like a zip (an .xlsx is a zip; `PK\x03\x04`). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * Reads the zip's central directory (a few KB at the end of the file) and refuses a workbook before parsing it: not a
 * zip or no `xl/workbook.xml` → INVALID_XLSX; too many entries, too much declared uncompressed data, an oversized
 * shared-strings or styles part, or a zip-bomb compression ratio → XLSX_TOO_LARGE. ZIP64 sizes count as too large.
 * Sizes a bomb lies about are caught later by the worker's memory and row limits.
 */
export function checkXlsxFile(path: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): XlsxEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    if (head.readUInt32LE(0) !== LOCAL) throw invalidXlsx();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw invalidXlsx();
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      throw tooLarge('ZIP64 格式', 'ZIP64 archives are not accepted', {});
    }
    if (count > limits.maxEntries) {
      throw tooLarge(`包含 ${count} 个部件`, `${count} parts`, { entries: count });
    }
    if (dirOffset + dirSize > size) throw invalidXlsx();
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    return readEntries(dir, count, limits);
  } finally {
    closeSync(fd);
  }
}

function readEntries(dir: Buffer, count: number, limits: XlsxLimits): XlsxEntry[] {
  const entries: XlsxEntry[] = [];
  let total = 0;
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw invalidXlsx();
    const compressed = dir.readUInt32LE(at + 20);
    const uncompressed = dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      throw tooLarge('ZIP64 格式', 'ZIP64 archives are not accepted', {});
    }
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) {
      throw tooLarge('解压后超过上限', 'more uncompressed data than allowed', { limit: limits.maxUncompressedBytes });
    }
    const cap =
      name === 'xl/sharedStrings.xml'
        ? limits.maxSharedStringsBytes
        : name === 'xl/styles.xml'
          ? limits.maxStylesBytes
          : 0;
    if (cap > 0 && uncompressed > cap) throw tooLarge(`${name} 过大`, `${name} is too large`, { part: name });
    if (uncompressed > 1024 * 1024 && uncompressed > Math.max(compressed, 1) * limits.maxRatio) {
      throw tooLarge(`${name} 的压缩比异常（疑似压缩炸弹）`, `${name} has a zip-bomb compression ratio`, {
        part: name,
      });
    }
    entries.push({ name, compressed, uncompressed });
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw invalidXlsx();
  return entries;
}
