/**
 * An RFC 6266 `Content-Disposition` with both forms of the name: `filename="…"`, an ASCII fallback (non-ASCII, quotes,
 * backslashes and controls become `_`), and `filename*=UTF-8''…`, the exact name percent-encoded (RFC 8187), which
 * every current browser prefers: `合同.pdf` downloads as `合同.pdf`.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/** Percent-encodes everything outside RFC 8187's attr-char set. */
function encodeRfc8187(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
