import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localize } from '@formflow/schema';
import { formScope, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { badRequest, forbidden } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { formWriteInfo } from '../records/form-write-info.js';
import type { ImportFormat } from './cell-source.js';
import { CsvImportError } from './import-error.js';
import { parseImportOptions } from './import-options.js';
import { sendFileProblems, sendUploadProblem } from './import-problems.js';
import type { ImportOptions } from './import-task.js';
import { importUploadCap, receiveImportUpload, type ImportUpload } from './receive-import-upload.js';
import { checkXlsxFile, looksLikeZip } from './xlsx-guard.js';

export type AcceptedUpload = {
  scope: FormScope;
  upload: ImportUpload;
  options: ImportOptions;
  format: ImportFormat;
};

function unsupportedFormat(): CsvImportError {
  return new CsvImportError('INVALID_XLSX', {
    'zh-CN': '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后重试',
    en: 'Old Excel (.xls) files are not supported; save the file as .xlsx or CSV',
  });
}

/** CSV or .xlsx, decided from the bytes (a zip is an .xlsx whatever its name; a `.xlsx` that is not a zip is refused). */
function detectFormat(upload: ImportUpload): ImportFormat {
  const head = Buffer.alloc(8);
  const fd = openSync(upload.path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (looksLikeZip(head)) {
    checkXlsxFile(upload.path);
    return 'xlsx';
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0) throw unsupportedFormat();
  if (/\.xls[xm]?$/i.test(upload.fileName)) {
    throw new CsvImportError('INVALID_XLSX', {
      'zh-CN': '文件扩展名是 Excel，但内容不是有效的 .xlsx 工作簿（可能是改了扩展名的 HTML 或 CSV）',
      en: 'The file is named as Excel but is not a valid .xlsx workbook (it may be renamed HTML or CSV)',
    });
  }
  return 'csv';
}

/**
 * The common start of the preview and import routes: `submit` on the form (401/404/403), the multipart upload spooled
 * to `<dataDir>/imports/` (415/400/413), the `options` part (400 with paths), dedupe rules (a 查重 field of the form;
 * `update` also needs `edit`), and the file's format checked from its bytes (.xlsx caps: 413/422). Sends the problem
 * and returns undefined when the request stops here; the spooled file is then already deleted.
 */
export async function acceptImportUpload(
  ctx: ServerContext,
  request: FastifyRequest<{ Params: { formId: string } }>,
  reply: FastifyReply,
  importsDir: string,
): Promise<AcceptedUpload | undefined> {
  const scope = formScope(ctx, request, reply, request.params.formId, 'submit');
  if (!scope) return undefined;
  const received = await receiveImportUpload(request, importsDir, importUploadCap());
  if (!received.ok) {
    void sendUploadProblem(request, reply, received.failure);
    return undefined;
  }
  const { upload } = received;
  const stop = (send: () => unknown): undefined => {
    rmSync(upload.path, { force: true });
    void send();
    return undefined;
  };
  const parsed = parseImportOptions(upload.options);
  if (!parsed.ok) return stop(() => badRequest(reply, 'INVALID_OPTIONS', parsed.problems, parsed.problems[0]?.message));
  const { options } = parsed;
  const locale = preferredLocale(request.headers['accept-language']);
  if (options.dedupe) {
    const field = scope.form.definition.fields.find((f) => f.id === options.dedupe?.fieldId && f.deleted !== true);
    if (
      !field ||
      !formWriteInfo(scope.form.definition).unique.includes(field.id) ||
      !scope.access.writable.has(field.id)
    ) {
      const message =
        locale === 'zh-CN'
          ? `去重字段 ${options.dedupe.fieldId} 必须是表单中开启了查重的字段`
          : `The dedupe field ${options.dedupe.fieldId} must be a unique (查重) field of the form`;
      return stop(() =>
        badRequest(
          reply,
          'INVALID_OPTIONS',
          [{ path: 'options.dedupe.field', code: 'INVALID_VALUE', message }],
          message,
        ),
      );
    }
    if (options.dedupe.onDuplicate === 'update' && !scope.access.actions.has('edit')) {
      const label = localize(field.label, locale);
      return stop(() =>
        forbidden(reply, `updating existing records by "${label}" needs the "edit" permission on this form`),
      );
    }
  }
  let format: ImportFormat;
  try {
    format = detectFormat(upload);
  } catch (error) {
    if (!(error instanceof CsvImportError)) throw error;
    return stop(() => sendFileProblems(request, reply, [{ error, path: 'body.file' }]));
  }
  return { scope, upload, options, format };
}
