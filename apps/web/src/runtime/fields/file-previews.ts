import type { FileRef } from './types.js';

/** Local previews of files uploaded in this page (object URLs), by file id: shown before (or without) a download. */
const previews = new Map<string, string>();

export function rememberPreview(id: string, file: Blob): void {
  if (file.type.startsWith('image/') && !previews.has(id)) previews.set(id, URL.createObjectURL(file));
}

export function previewOf(id: string): string | undefined {
  return previews.get(id);
}

/** File refs of a value (a list for image/attachment, one ref for a signature). */
export function fileRefsOf(value: unknown): FileRef[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter((f): f is FileRef => f !== null && typeof f === 'object' && typeof (f as FileRef).id === 'string');
}

/** `48 KB`, `1.2 MB`. */
export function fileSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
