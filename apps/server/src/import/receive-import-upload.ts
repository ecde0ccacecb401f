import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { uuidV7 } from '@formflow/store';

/** The server's cap on one import file: `FORMFLOW_MAX_IMPORT_BYTES`, 512 MiB by default. */
export function importUploadCap(): number {
  const configured = Number(process.env['FORMFLOW_MAX_IMPORT_BYTES']);
  return Number.isInteger(configured) && configured > 0 ? configured : 512 * 1024 * 1024;
}

export type ImportUpload = {
  /** The spooled file under `<dataDir>/imports/` (delete it when done). */
  path: string;
  /** The name the client gave (metadata only, never a path). */
  fileName: string;
  size: number;
  /** The `options` part: text, or a value multipart already parsed as JSON. */
  options: unknown;
};

export type UploadFailure = {
  code: 'NOT_MULTIPART' | 'NO_FILE' | 'INVALID_MULTIPART' | 'FILE_TOO_LARGE' | 'DISK_FULL';
};

/** Multipart overhead allowed on top of the file when checking Content-Length up front. */
const MULTIPART_SLACK = 256 * 1024;

/**
 * Receives an import upload: one `file` part streamed to `<importsDir>/<uuid>.upload` (never held in memory; 413 above
 * `cap`, checked on Content-Length first and on the bytes as they stream) and an optional `options` part. The parts
 * may come in any order.
 */
export async function receiveImportUpload(
  request: FastifyRequest,
  importsDir: string,
  cap: number,
): Promise<{ ok: true; upload: ImportUpload } | { ok: false; failure: UploadFailure }> {
  if (!request.isMultipart()) return { ok: false, failure: { code: 'NOT_MULTIPART' } };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap + MULTIPART_SLACK) {
    return { ok: false, failure: { code: 'FILE_TOO_LARGE' } };
  }
  mkdirSync(importsDir, { recursive: true, mode: 0o700 });
  const path = join(importsDir, `${uuidV7()}.upload`);
  let fileName: string | undefined;
  let size = 0;
  let options: unknown;
  try {
    const parts = request.parts({
      // The plugin's default throwFileSizeLimit makes an oversized file an FST_REQ_FILE_TOO_LARGE error.
      limits: { fileSize: cap, files: 1, fields: 4, fieldSize: 256 * 1024, parts: 5, headerPairs: 100 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || fileName !== undefined) {
          part.file.resume();
          throw Object.assign(new Error('unexpected file part'), { code: 'UNEXPECTED_PART' });
        }
        fileName = part.filename || 'upload';
        part.file.on('data', (chunk: Buffer) => {
          size += chunk.length;
        });
        await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
      } else if (part.fieldname === 'options') {
        options = part.value;
      }
    }
  } catch (error) {
    rmSync(path, { force: true });
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, failure: { code: 'FILE_TOO_LARGE' } };
    if (code === 'ENOSPC' || code === 'EDQUOT') return { ok: false, failure: { code: 'DISK_FULL' } };
    request.log.info({ err: error }, 'import upload refused');
    return { ok: false, failure: { code: 'INVALID_MULTIPART' } };
  }
  if (fileName === undefined) {
    rmSync(path, { force: true });
    return { ok: false, failure: { code: 'NO_FILE' } };
  }
  return { ok: true, upload: { path, fileName: fileName.slice(0, 255), size, options } };
}
