import type { Sniffed } from './sniff-file-type.js';

type ExtensionType = { family: string; mime: string };

const t = (family: string, mime: string): ExtensionType => ({ family, mime });

/** Extensions this server knows, with the content family their bytes must belong to and their precise type. */
const EXTENSIONS: Readonly<Record<string, ExtensionType>> = {
  png: t('png', 'image/png'),
  jpg: t('jpeg', 'image/jpeg'),
  jpeg: t('jpeg', 'image/jpeg'),
  jpe: t('jpeg', 'image/jpeg'),
  jfif: t('jpeg', 'image/jpeg'),
  gif: t('gif', 'image/gif'),
  webp: t('webp', 'image/webp'),
  bmp: t('bmp', 'image/bmp'),
  tif: t('tiff', 'image/tiff'),
  tiff: t('tiff', 'image/tiff'),
  ico: t('ico', 'image/x-icon'),
  heic: t('heic', 'image/heic'),
  heif: t('heic', 'image/heif'),
  avif: t('avif', 'image/avif'),
  svg: t('svg', 'image/svg+xml'),
  pdf: t('pdf', 'application/pdf'),
  zip: t('zip', 'application/zip'),
  docx: t('zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  xlsx: t('zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  pptx: t('zip', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
  odt: t('zip', 'application/vnd.oasis.opendocument.text'),
  ods: t('zip', 'application/vnd.oasis.opendocument.spreadsheet'),
  odp: t('zip', 'application/vnd.oasis.opendocument.presentation'),
  epub: t('zip', 'application/epub+zip'),
  jar: t('zip', 'application/java-archive'),
  apk: t('zip', 'application/vnd.android.package-archive'),
  doc: t('cfb', 'application/msword'),
  xls: t('cfb', 'application/vnd.ms-excel'),
  ppt: t('cfb', 'application/vnd.ms-powerpoint'),
  msg: t('cfb', 'application/vnd.ms-outlook'),
  msi: t('cfb', 'application/x-msi'),
  gz: t('gzip', 'application/gzip'),
  tgz: t('gzip', 'application/gzip'),
  '7z': t('7z', 'application/x-7z-compressed'),
  rar: t('rar', 'application/vnd.rar'),
  mp3: t('mp3', 'audio/mpeg'),
  wav: t('wav', 'audio/wav'),
  ogg: t('ogg', 'audio/ogg'),
  oga: t('ogg', 'audio/ogg'),
  opus: t('ogg', 'audio/ogg'),
  flac: t('flac', 'audio/flac'),
  mp4: t('mp4', 'video/mp4'),
  m4v: t('mp4', 'video/mp4'),
  m4a: t('mp4', 'audio/mp4'),
  mov: t('mp4', 'video/quicktime'),
  webm: t('webm', 'video/webm'),
  mkv: t('webm', 'video/x-matroska'),
  exe: t('exe', 'application/x-msdownload'),
  dll: t('exe', 'application/x-msdownload'),
  html: t('html', 'text/html'),
  htm: t('html', 'text/html'),
  xhtml: t('html', 'application/xhtml+xml'),
  xml: t('xml', 'application/xml'),
  txt: t('text', 'text/plain'),
  log: t('text', 'text/plain'),
  csv: t('text', 'text/csv'),
  tsv: t('text', 'text/tab-separated-values'),
  md: t('text', 'text/markdown'),
  json: t('text', 'application/json'),
  yaml: t('text', 'application/yaml'),
  yml: t('text', 'application/yaml'),
  css: t('text', 'text/css'),
  js: t('text', 'text/javascript'),
  rtf: t('text', 'application/rtf'),
  sh: t('text', 'text/x-shellscript'),
};

/** Families a text extension may hold (markup and scripts are text; the download never runs them). */
const TEXT_LIKE = new Set(['text', 'html', 'xml', 'svg', 'script', 'unknown']);

function compatible(extension: ExtensionType, sniffed: Sniffed): boolean {
  if (extension.family === sniffed.family) return true;
  switch (extension.family) {
    case 'text':
      return TEXT_LIKE.has(sniffed.family);
    case 'html':
    case 'xml':
      return sniffed.family === 'text' || sniffed.family === 'xml' || sniffed.family === 'html';
    case 'svg':
      return sniffed.family === 'xml';
    default:
      return false;
  }
}

/** Raster images a browser may show inline (never SVG or HTML: RELIABILITY I2). */
export const SAFE_INLINE_IMAGES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/avif',
]);

/** What an image field accepts: raster images only (an SVG can carry script). */
const IMAGE_FIELD_TYPES = new Set([...SAFE_INLINE_IMAGES, 'image/tiff', 'image/heic', 'image/heif']);

/** A handwritten signature is drawn by the form as PNG (JPEG and WebP are accepted too). */
const SIGNATURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export type FileTypeDecision = { ok: true; mime: string } | { ok: false; reason: string };

/**
 * The type a file is stored and served with, decided from its bytes; the name's extension must agree with them (a
 * program renamed `.png` is refused), then the field's rules apply: image fields take raster images, signatures PNG,
 * JPEG or WebP, and `accept` (mime types, `type/*` or `.ext`) narrows either.
 */
export function decideFileType(
  fieldType: 'image' | 'attachment' | 'signature',
  extension: string,
  sniffed: Sniffed,
  accept: readonly string[] | undefined,
): FileTypeDecision {
  const known = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  if (known && !compatible(known, sniffed)) {
    return { ok: false, reason: `the content is ${sniffed.mime}, not a .${extension} file` };
  }
  const mime =
    known && (sniffed.family === known.family || sniffed.family === 'text' || sniffed.family === 'unknown')
      ? known.mime
      : sniffed.mime;
  if (fieldType === 'image' && !IMAGE_FIELD_TYPES.has(mime)) {
    return {
      ok: false,
      reason: `an image field takes PNG, JPEG, GIF, WebP, BMP, TIFF, HEIC or AVIF images, not ${mime}`,
    };
  }
  if (fieldType === 'signature' && !SIGNATURE_TYPES.has(mime)) {
    return { ok: false, reason: `a signature must be a PNG, JPEG or WebP image, not ${mime}` };
  }
  if (accept && accept.length > 0 && !accept.some((entry) => acceptMatches(entry, mime, extension))) {
    return { ok: false, reason: `this field accepts ${accept.join(', ')}` };
  }
  return { ok: true, mime };
}

function acceptMatches(entry: string, mime: string, extension: string): boolean {
  const e = entry.toLowerCase();
  if (e.startsWith('.')) return e.slice(1) === extension;
  if (e.endsWith('/*')) return mime.startsWith(e.slice(0, -1));
  return e === mime;
}
