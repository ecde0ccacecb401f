import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileRepository } from '@formflow/store';
import { decideFileType } from './file-type-policy.js';
import type { FileField } from './file-field.js';
import { FILE_PROBLEMS, sendFileProblem } from './file-problems.js';
import { FileTooLargeError, type FileStorage, type SpooledFile } from './file-storage.js';
import { fileExtension, sanitizeFileName } from './sanitize-file-name.js';
import { sniffFileType } from './sniff-file-type.js';

/** The server's cap on one upload: `FORMFLOW_MAX_UPLOAD_BYTES`, 20 MiB by default. */
export function serverUploadCap(): number {
  const configured = Number(process.env['FORMFLOW_MAX_UPLOAD_BYTES']);
  return Number.isInteger(configured) && configured > 0 ? configured : 20 * 1024 * 1024;
}

/** The value an image/attachment/signature field stores (the engine's file ref schema): exactly these keys. */
export type FileRef = { id: string; name: string; size: number; mime: string };

export type UploadTarget = {
  workspaceId: string;
  formId: string;
  fileField: FileField;
  /** The uploading member; null for an anonymous public-link visitor. */
  createdBy: string | null;
};

/** Multipart overhead allowed on top of the file when checking Content-Length up front. */
const MULTIPART_SLACK = 64 * 1024;

function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * Receives one multipart file for a file field and answers: 201 with the file ref, or a problem. Limits: the field's
 * `maxSizeMb` and the server cap (413, checked on Content-Length first and on the bytes as they stream); the type is
 * decided from the bytes and must agree with the name and the field (415). The bytes are hashed while spooled to a
 * temp file, then stored once per content; the name is sanitised metadata only.
 */
export async function receiveUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: FileStorage,
  files: FileRepository,
  target: UploadTarget,
): Promise<FastifyReply> {
  const { field } = target.fileField;
  const maxSizeMb = field.settings?.['maxSizeMb'];
  const fieldCap = typeof maxSizeMb === 'number' ? Math.floor(maxSizeMb * 1024 * 1024) : Infinity;
  const limit = Math.min(fieldCap, serverUploadCap());
  if (!request.isMultipart())
    return sendFileProblem(request, reply, 'NOT_MULTIPART', FILE_PROBLEMS.NOT_MULTIPART(), 'body');
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + MULTIPART_SLACK) {
    void reply.header('connection', 'close');
    return sendFileProblem(request, reply, 'FILE_TOO_LARGE', FILE_PROBLEMS.FILE_TOO_LARGE(limit), 'body.file');
  }

  let spooled: SpooledFile;
  let rawName: string;
  try {
    const part = await request.file({
      limits: { fileSize: limit + 1, files: 1, fields: 20, fieldSize: 4096, parts: 21, headerPairs: 100 },
      throwFileSizeLimit: false,
    });
    if (!part) return sendFileProblem(request, reply, 'NO_FILE', FILE_PROBLEMS.NO_FILE(), 'body.file');
    rawName = part.filename;
    spooled = await storage.spool(part.file, limit);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      void reply.header('connection', 'close');
      return sendFileProblem(request, reply, 'FILE_TOO_LARGE', FILE_PROBLEMS.FILE_TOO_LARGE(limit), 'body.file');
    }
    if (isDiskFull(error)) {
      return sendFileProblem(request, reply, 'INSUFFICIENT_STORAGE', FILE_PROBLEMS.INSUFFICIENT_STORAGE(), 'body.file');
    }
    request.log.info({ err: error }, 'multipart upload refused');
    return sendFileProblem(request, reply, 'INVALID_MULTIPART', FILE_PROBLEMS.INVALID_MULTIPART(), 'body');
  }

  try {
    if (spooled.size === 0)
      return sendFileProblem(request, reply, 'EMPTY_FILE', FILE_PROBLEMS.EMPTY_FILE(), 'body.file');
    const name = sanitizeFileName(rawName);
    const accept = field.settings?.['accept'];
    const decision = decideFileType(
      field.type,
      fileExtension(name),
      sniffFileType(spooled.head),
      Array.isArray(accept) ? accept.filter((a): a is string => typeof a === 'string') : undefined,
    );
    if (!decision.ok) {
      return sendFileProblem(
        request,
        reply,
        'FILE_TYPE_NOT_ALLOWED',
        FILE_PROBLEMS.FILE_TYPE_NOT_ALLOWED(decision.reason),
        'body.file',
      );
    }
    const storageKey = await storage.storeBlob(spooled);
    const stored = files.createFile({
      workspaceId: target.workspaceId,
      name,
      mime: decision.mime,
      size: spooled.size,
      sha256: spooled.sha256,
      storageKey,
      createdBy: target.createdBy,
      formId: target.formId,
      fieldId: target.fileField.path,
    });
    const ref: FileRef = { id: stored.id, name: stored.name, size: stored.size, mime: stored.mime };
    return reply
      .code(201)
      .header('repr-digest', `sha-256=:${Buffer.from(stored.sha256, 'hex').toString('base64')}:`)
      .send(ref);
  } catch (error) {
    if (isDiskFull(error)) {
      return sendFileProblem(request, reply, 'INSUFFICIENT_STORAGE', FILE_PROBLEMS.INSUFFICIENT_STORAGE(), 'body.file');
    }
    throw error;
  } finally {
    await storage.discard(spooled);
  }
}
