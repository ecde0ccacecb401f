type WebCrypto = { getRandomValues<T extends Uint8Array>(array: T): T };

/** A random id for a sub-table row that arrived without one (e.g. from an import). Works in browsers and Node. */
export function newRowId(): string {
  const bytes = new Uint8Array(9);
  (globalThis as unknown as { crypto: WebCrypto }).crypto.getRandomValues(bytes);
  let id = 'r';
  for (const b of bytes) id += b.toString(36).padStart(2, '0');
  return id;
}
