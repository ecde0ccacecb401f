import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLocale, sendProblem, statusTitle } from '../problem-response.js';
import type { CsvImportError, CsvImportErrorCode } from './import-error.js';
import type { UploadFailure } from './receive-import-upload.js';

/** HTTP status of each file-level problem. */
const FILE_STATUS: Record<CsvImportErrorCode | 'UNSUPPORTED_FORMAT', number> = {
  EMPTY_FILE: 422,
  INVALID_ENCODING: 422,
  FILE_TOO_LARGE: 413,
  TOO_MANY_ROWS: 413,
  MALFORMED_CSV: 422,
  DUPLICATE_HEADER: 422,
  FORBIDDEN_HEADER: 422,
  UNKNOWN_COLUMN: 422,
  READONLY_COLUMN: 403,
  FILES_NOT_IMPORTABLE: 400,
  INVALID_COLUMN_MAP: 422,
  NO_COLUMNS: 422,
  INVALID_OPTIONS: 400,
  INVALID_XLSX: 422,
  XLSX_TOO_LARGE: 413,
  TOO_MANY_COLUMNS: 413,
  UNSUPPORTED_FORMAT: 415,
};

/** A file-level problem (or several, e.g. every refused column) as one problem answer. */
export function sendFileProblems(
  request: FastifyRequest,
  reply: FastifyReply,
  problems: readonly { error: CsvImportError; path: string }[],
): FastifyReply {
  const locale = preferredLocale(request.headers['accept-language']);
  const first = problems[0]!.error;
  const status = FILE_STATUS[first.code] ?? 422;
  return sendProblem(reply, {
    status,
    title: statusTitle(status),
    code: first.code,
    detail: first.localized[locale],
    errors: problems.map(({ error, path }) => ({ path, code: error.code, message: error.localized[locale] })),
  });
}

const UPLOAD_PROBLEMS: Record<UploadFailure['code'], { status: number; zh: string; en: string }> = {
  NOT_MULTIPART: { status: 415, zh: '请以 multipart/form-data 上传文件', en: 'Send the file as multipart/form-data' },
  NO_FILE: { status: 400, zh: '缺少名为 file 的文件', en: 'The upload has no part named "file"' },
  INVALID_MULTIPART: {
    status: 400,
    zh: '上传内容格式错误（只接受一个 file 文件和一个 options 字段）',
    en: 'The upload is malformed (one "file" part and one "options" field are accepted)',
  },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过导入大小上限', en: 'The file is larger than the import limit' },
  DISK_FULL: { status: 507, zh: '服务器磁盘空间不足', en: 'The server is out of disk space' },
};

export function sendUploadProblem(request: FastifyRequest, reply: FastifyReply, failure: UploadFailure): FastifyReply {
  const locale = preferredLocale(request.headers['accept-language']);
  const p = UPLOAD_PROBLEMS[failure.code];
  const message = locale === 'zh-CN' ? p.zh : p.en;
  if (p.status === 413) void reply.header('connection', 'close');
  return sendProblem(reply, {
    status: p.status,
    title: statusTitle(p.status),
    code: failure.code,
    detail: message,
    errors: [{ path: failure.code === 'NO_FILE' ? 'body.file' : 'body', code: failure.code, message }],
  });
}

/** 503 BUSY with Retry-After: the database stayed locked by a long write (an allOrNothing import) past the timeout. */
export function sendBusy(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = preferredLocale(request.headers['accept-language']);
  const message =
    locale === 'zh-CN'
      ? '数据库正忙（正在导入大量数据），请稍后重试'
      : 'The database is busy (a large import is writing); retry shortly';
  void reply.header('retry-after', '5');
  return sendProblem(reply, { status: 503, title: statusTitle(503), code: 'BUSY', detail: message });
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}
