/** A fresh id for an app or a form: `prefix_` and 10 random base-36 characters (schema ids start with a letter). */
export function newId(prefix: 'app' | 'form'): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let tail = '';
  for (const byte of bytes) tail += (byte % 36).toString(36);
  return `${prefix}_${tail}`;
}
