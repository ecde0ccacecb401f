import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredFile } from '@formflow/store';
import { notFound } from '../http/problems.js';
import { contentDisposition } from './content-disposition.js';
import type { FileStorage } from './file-storage.js';
import { SAFE_INLINE_IMAGES } from './file-type-policy.js';

/** Types a browser would render as a document or run: always served as opaque bytes (RELIABILITY I2). */
const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'text/javascript',
  'application/javascript',
  'text/css',
]);

/**
 * Streams a stored file: `attachment` with an RFC 6266 name unless `inline` was asked for a safe raster image,
 * `nosniff`, a sandboxing CSP, the SHA-256 as a strong ETag (304 on a match: the permission check ran first).
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: FileStorage,
  file: StoredFile,
  disposition: 'attachment' | 'inline',
): Promise<FastifyReply> {
  const etag = `"${file.sha256}"`;
  const inline = disposition === 'inline' && SAFE_INLINE_IMAGES.has(file.mime);
  const type =
    ACTIVE_TYPES.has(file.mime) || file.mime.startsWith('text/html') ? 'application/octet-stream' : file.mime;
  void reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin');
  const match = request.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return reply.code(304).send();
  }
  const opened = await storage.open(file.storageKey);
  if (!opened) {
    request.log.error({ fileId: file.id, storageKey: file.storageKey }, 'stored file bytes are missing');
    return notFound(reply, 'file');
  }
  return reply
    .code(200)
    .type(type)
    .header('content-length', String(opened.size))
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
    .send(opened.stream);
}
