/** Most graphemes a stored file name keeps (the file ref value schema allows 255). */
export const MAX_FILE_NAME_GRAPHEMES = 255;

/** Longer names are cut to this many UTF-16 units (keeping the extension) before graphemes are counted. */
const PRE_CUT = 2048;

/** `.pdf` of `合同.pdf`: the last dot and up to 16 characters after it, or ''. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= 17 ? name.slice(dot) : '';
}

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * C0/C1 controls, DEL, and the invisible bidirectional and zero-width format characters that make `evil\u202Egnp.exe`
 * display as `evilexe.png` (RELIABILITY I6).
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The user's file name as kept in metadata: well-formed UTF-16 (lone surrogates replaced), NFC, the last segment of
 * any path (`../../etc/passwd` → `passwd`, `C:\Users\a\b.png` → `b.png`), without controls and bidi overrides, trimmed,
 * leading dots removed, at most 255 graphemes (the extension kept when cutting). Never empty: `file` when nothing is
 * left. The name is never used to build a disk path: stored bytes are addressed by their SHA-256.
 */
export function sanitizeFileName(raw: string): string {
  let name = raw.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').replace(UNSAFE_CHARACTERS, '');
  name = name.split(/[/\\]/).at(-1) ?? '';
  name = name.trim().replace(/^\.+/, '').trim();
  if (name === '') return 'file';
  // Intl.Segmenter is superlinear on long non-ASCII text (Node 20: 100,000 CJK characters take ~30 s): cut first.
  if (name.length > PRE_CUT) {
    const tail = extensionOf(name);
    name = name.slice(0, PRE_CUT - tail.length).replace(/[\ud800-\udbff]$/, '') + tail;
  }
  const graphemes = [...segmenter.segment(name)].map((s) => s.segment);
  if (graphemes.length <= MAX_FILE_NAME_GRAPHEMES) return name;
  const extension = extensionOf(name);
  const extensionLength = [...segmenter.segment(extension)].length;
  return (
    graphemes
      .slice(0, MAX_FILE_NAME_GRAPHEMES - extensionLength)
      .join('')
      .trimEnd() + extension
  );
}

/** The lowercase extension of a file name without the dot (`Report.PDF` → `pdf`), or ''. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
