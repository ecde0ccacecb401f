import { TextDecoder, TextEncoder } from 'node:util';
import { CsvImportError } from './import-error.js';

/** Encodings an upload may be read as. `latin1` is WHATWG windows-1252, which never fails. */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'latin1' | 'utf-16le';

export type DecodeOptions = {
  /** Forces the encoding; otherwise BOM → UTF-8/UTF-16LE, valid UTF-8 → UTF-8, anything else → GB18030. */
  encoding?: 'utf-8' | 'gb18030' | 'latin1';
  /** Bytes allowed in total (FILE_TOO_LARGE beyond). */
  maxBytes?: number;
  /** Called with the running byte count after each chunk. */
  onBytes?: (bytesRead: number) => void;
  /** Called once the encoding is decided. */
  onEncoding?: (encoding: CsvEncoding) => void;
};

/** How many leading bytes decide the encoding. */
export const SNIFF_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Picks the encoding from the first bytes of a file (see `DecodeOptions.encoding`). */
export function detectEncoding(head: Uint8Array, forced?: DecodeOptions['encoding']): CsvEncoding {
  if (forced) return forced;
  if (head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  try {
    // stream: a character cut at the end of the sniffed bytes is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function encodingError(encoding: CsvEncoding, offset: number): CsvImportError {
  return new CsvImportError(
    'INVALID_ENCODING',
    {
      'zh-CN': `文件不是有效的 ${encoding} 编码（约第 ${offset} 字节附近），请另存为 UTF-8 或选择正确的编码后重试`,
      en: `The file is not valid ${encoding} (near byte ${offset}); save it as UTF-8 or choose the right encoding`,
    },
    { encoding, offset },
  );
}

function emptyFile(): CsvImportError {
  return new CsvImportError('EMPTY_FILE', { 'zh-CN': '文件为空（0 字节）', en: 'The file is empty (0 bytes)' });
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function makeDecoder(encoding: CsvEncoding): TextDecoder {
  // fatal everywhere: an invalid byte is an error, never a silent U+FFFD (mojibake).
  return new TextDecoder(encoding, { fatal: encoding !== 'latin1' });
}

/**
 * Decodes a byte stream to text chunks, holding at most `SNIFF_BYTES` plus one chunk in memory. A leading BOM is
 * removed. Throws `CsvImportError` EMPTY_FILE, FILE_TOO_LARGE or INVALID_ENCODING.
 */
export async function* decodeCsvStream(
  source: AsyncIterable<Uint8Array | string>,
  options: DecodeOptions = {},
): AsyncGenerator<string, void, undefined> {
  let decoder: TextDecoder | undefined;
  let encoding: CsvEncoding = 'utf-8';
  let head: Uint8Array[] = [];
  let headLength = 0;
  let total = 0;
  let first = true;
  const decode = (bytes: Uint8Array, final: boolean): string => {
    try {
      let text = (decoder as TextDecoder).decode(bytes, { stream: !final });
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return text;
    } catch {
      throw encodingError(encoding, total);
    }
  };
  const start = (bytes: Uint8Array): void => {
    encoding = detectEncoding(bytes, options.encoding);
    options.onEncoding?.(encoding);
    decoder = makeDecoder(encoding);
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    options.onBytes?.(total);
    if (options.maxBytes !== undefined && total > options.maxBytes) throw tooLarge(options.maxBytes);
    if (decoder) {
      const text = decode(bytes, false);
      if (text) yield text;
      continue;
    }
    head.push(bytes);
    headLength += bytes.length;
    if (headLength < SNIFF_BYTES) continue;
    const all = concat(head, headLength);
    head = [];
    start(all);
    const text = decode(all, false);
    if (text) yield text;
  }
  if (total === 0) throw emptyFile();
  if (!decoder) {
    const all = concat(head, headLength);
    start(all);
    const text = decode(all, true);
    if (text) yield text;
    return;
  }
  const tail = decode(new Uint8Array(0), true);
  if (tail) yield tail;
}

function tooLarge(maxBytes: number): CsvImportError {
  return new CsvImportError(
    'FILE_TOO_LARGE',
    { 'zh-CN': `文件超过 ${maxBytes} 字节的上限`, en: `The file is larger than the limit of ${maxBytes} bytes` },
    { maxBytes },
  );
}

/** Decodes a whole file held in memory (small uploads, tests). Same rules as `decodeCsvStream`. */
export function decodeCsvBytes(
  bytes: Uint8Array,
  options: Pick<DecodeOptions, 'encoding'> = {},
): { text: string; encoding: CsvEncoding } {
  if (bytes.length === 0) throw emptyFile();
  const encoding = detectEncoding(bytes, options.encoding);
  let text: string;
  try {
    text = makeDecoder(encoding).decode(bytes);
  } catch {
    throw encodingError(encoding, 0);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}
