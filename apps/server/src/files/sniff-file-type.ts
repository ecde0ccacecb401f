/** How many leading bytes `sniffFileType` looks at. */
export const SNIFF_BYTES = 4096;

/**
 * What the bytes are, by their magic numbers (never by the client's content-type or the name):
 * - `family` groups types whose extensions are interchangeable (every OOXML/ODF file is a `zip`, `.doc`/`.xls` are
 *   `cfb`), so a name's extension can be checked against the content;
 * - `mime` is the most precise type the bytes alone tell; `text` is any content without NUL bytes (UTF-8, GBK…);
 *   `unknown` is binary nothing here recognises.
 */
export type Sniffed = { family: string; mime: string };

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean => {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);

const ISO_BMFF_BRANDS: Record<string, Sniffed> = {
  heic: { family: 'heic', mime: 'image/heic' },
  heix: { family: 'heic', mime: 'image/heic' },
  mif1: { family: 'heic', mime: 'image/heif' },
  msf1: { family: 'heic', mime: 'image/heif' },
  avif: { family: 'avif', mime: 'image/avif' },
  'qt  ': { family: 'mp4', mime: 'video/quicktime' },
  'M4A ': { family: 'mp4', mime: 'audio/mp4' },
};

/** `ftyp` boxes: HEIC/AVIF images, MP4/MOV/M4A media. */
function isoBmff(bytes: Uint8Array): Sniffed | undefined {
  if (!ascii(bytes, 4, 'ftyp') || bytes.length < 12) return undefined;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  return ISO_BMFF_BRANDS[brand] ?? { family: 'mp4', mime: 'video/mp4' };
}

/** BMP: `BM` and a known DIB header size, so text starting with "BM" is not taken for an image. */
function isBmp(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 0, 'BM') || bytes.length < 18) return false;
  const dib = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dib);
}

type Rule = { test: (bytes: Uint8Array) => boolean; type: Sniffed };

const BINARY_RULES: readonly Rule[] = [
  {
    test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    type: { family: 'png', mime: 'image/png' },
  },
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), type: { family: 'jpeg', mime: 'image/jpeg' } },
  { test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'), type: { family: 'gif', mime: 'image/gif' } },
  { test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'), type: { family: 'webp', mime: 'image/webp' } },
  { test: isBmp, type: { family: 'bmp', mime: 'image/bmp' } },
  {
    test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
    type: { family: 'tiff', mime: 'image/tiff' },
  },
  {
    test: (b) => startsWith(b, [0x00, 0x00, 0x01, 0x00]) && b.length > 6,
    type: { family: 'ico', mime: 'image/x-icon' },
  },
  {
    test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
    type: { family: 'zip', mime: 'application/zip' },
  },
  {
    test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    type: { family: 'cfb', mime: 'application/x-cfb' },
  },
  { test: (b) => startsWith(b, [0x1f, 0x8b]), type: { family: 'gzip', mime: 'application/gzip' } },
  {
    test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
    type: { family: '7z', mime: 'application/x-7z-compressed' },
  },
  { test: (b) => ascii(b, 0, 'Rar!\u001a\u0007'), type: { family: 'rar', mime: 'application/vnd.rar' } },
  { test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE'), type: { family: 'wav', mime: 'audio/wav' } },
  { test: (b) => ascii(b, 0, 'OggS'), type: { family: 'ogg', mime: 'audio/ogg' } },
  { test: (b) => ascii(b, 0, 'fLaC'), type: { family: 'flac', mime: 'audio/flac' } },
  {
    test: (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && (b[1] ?? 0) < 0xfe),
    type: { family: 'mp3', mime: 'audio/mpeg' },
  },
  { test: (b) => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]), type: { family: 'webm', mime: 'video/webm' } },
  // Executables: a program renamed to `.png` is refused by its family (RELIABILITY I2, I6).
  { test: (b) => ascii(b, 0, 'MZ'), type: { family: 'exe', mime: 'application/x-msdownload' } },
  { test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]), type: { family: 'elf', mime: 'application/x-executable' } },
  {
    test: (b) =>
      [
        [0xfe, 0xed, 0xfa, 0xce],
        [0xfe, 0xed, 0xfa, 0xcf],
        [0xce, 0xfa, 0xed, 0xfe],
        [0xcf, 0xfa, 0xed, 0xfe],
        [0xca, 0xfe, 0xba, 0xbe],
      ].some((m) => startsWith(b, m)),
    type: { family: 'macho', mime: 'application/x-mach-binary' },
  },
];

/** `%PDF-` may follow up to 1 KiB of junk (as readers allow). */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Markup a browser would run: sniffed in text so that an `.html` or `.svg` is never taken for plain text. */
function markup(text: string): Sniffed | undefined {
  const head = text
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, SNIFF_BYTES)
    .toLowerCase();
  if (/<svg[\s>]/.test(head)) return { family: 'svg', mime: 'image/svg+xml' };
  if (/^(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|style|title|meta|a\s|img|div|p>|h1)/s.test(head))
    return { family: 'html', mime: 'text/html' };
  if (head.startsWith('<?xml')) return { family: 'xml', mime: 'application/xml' };
  if (head.startsWith('#!')) return { family: 'script', mime: 'text/x-shellscript' };
  return undefined;
}

export function sniffFileType(head: Uint8Array): Sniffed {
  const binary = BINARY_RULES.find((rule) => rule.test(head));
  if (binary) return binary.type;
  const bmff = isoBmff(head);
  if (bmff) return bmff;
  if (isPdf(head)) return { family: 'pdf', mime: 'application/pdf' };
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16 && head.includes(0)) return { family: 'unknown', mime: 'application/octet-stream' };
  const text = utf16
    ? Buffer.from(head)
        .toString(head[0] === 0xff ? 'utf16le' : 'latin1')
        .replaceAll('\u0000', '')
    : Buffer.from(head).toString('utf8');
  return markup(text) ?? { family: 'text', mime: 'text/plain' };
}
