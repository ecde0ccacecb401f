import { rmSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormAccess } from '@formflow/engine';
import type { ImportJobRepository } from '@formflow/store';
import { requestTimeZone } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { preferredLocale } from '../problem-response.js';
import type { AcceptedUpload } from './accept-import-upload.js';
import { CsvImportError } from './import-error.js';
import type { ImportJobRunner } from './import-job-runner.js';
import type { ImportOptions } from './import-task.js';
import type { PreviewResult } from './import-preview.js';
import { sendFileProblems } from './import-problems.js';
import { buildImportTask } from './run-import-job.js';

export type StartImportJob = {
  ctx: ServerContext;
  request: FastifyRequest;
  reply: FastifyReply;
  accepted: AcceptedUpload;
  /** The header of the upload as a preview of 0 rows (every column problem listed). */
  checkHeader: () => Promise<PreviewResult>;
  jobs: ImportJobRepository;
  runner: ImportJobRunner;
  importsDir: string;
};

/**
 * The columns an import may map: fields a created record may set (`submit`), and with a dedupe update also those an
 * update may change (`edit`). Each row is then held to its own action's fields (RowChecker).
 */
export function importableFieldIds(access: FormAccess, options: Pick<ImportOptions, 'dedupe'>): Set<string> {
  const ids = new Set(access.writableFor.submit);
  if (options.dedupe?.onDuplicate === 'update') for (const id of access.writableFor.edit) ids.add(id);
  return ids;
}

/**
 * The import route after the upload was accepted: the header is checked before anything is queued (every refused
 * column named, 403 READONLY_COLUMN first, then 400 FILES_NOT_IMPORTABLE), then the job row is created and the job queued; 202 with its id. The
 * upload file then belongs to the job (deleted when it ends); on any refusal it is deleted here.
 */
export async function startImportJob(s: StartImportJob): Promise<FastifyReply> {
  const { ctx, request, reply, accepted, jobs, runner } = s;
  const { scope, upload, options, format } = accepted;
  let queued = false;
  try {
    const header = await s.checkHeader();
    const refused = [
      ...header.columns
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.error)
        .map(({ c, i }) => ({
          error: new CsvImportError(c.error!.code, c.error!.message, { column: c.column }),
          path: `file.columns[${i}]`,
        })),
      ...header.problems.map((p) => ({ error: new CsvImportError(p.code, p.message), path: 'options.mapping' })),
    ];
    // The answer's status is the first problem's: 403 READONLY_COLUMN, then 400 FILES_NOT_IMPORTABLE, then the rest.
    const rank = (code: string) => (code === 'READONLY_COLUMN' ? 0 : code === 'FILES_NOT_IMPORTABLE' ? 1 : 2);
    refused.sort((a, b) => rank(a.error.code) - rank(b.error.code));
    if (refused.length > 0) return sendFileProblems(request, reply, refused);
    if (!header.columns.some((c) => c.fieldId !== null)) {
      const error = new CsvImportError('NO_COLUMNS', {
        'zh-CN': '表头中没有与表单字段对应的列',
        en: 'No column of the header matches a field of the form',
      });
      return sendFileProblems(request, reply, [{ error, path: 'file.columns' }]);
    }
    if (options.dedupe && !header.columns.some((c) => c.fieldId === options.dedupe?.fieldId)) {
      const error = new CsvImportError('INVALID_OPTIONS', {
        'zh-CN': '文件中没有去重字段对应的列',
        en: 'The file has no column for the dedupe field',
      });
      return sendFileProblems(request, reply, [{ error, path: 'options.dedupe.field' }]);
    }
    const job = jobs.create({
      workspaceId: scope.actor.workspaceId,
      formId: scope.form.formId,
      mode: options.mode,
      fileName: upload.fileName,
      createdBy: scope.actor.memberId,
    });
    const task = buildImportTask({
      dbPath: ctx.store.path,
      jobId: job.id,
      workspaceId: scope.actor.workspaceId,
      form: scope.form,
      actor: scope.actor.memberId,
      file: { path: upload.path, format },
      options,
      writableFieldIds: scope.access.full ? null : importableFieldIds(scope.access, options),
      writableFor: scope.access.full ? null : scope.access.writableFor,
      viewer: scope.viewer,
      rowFilters: { submit: scope.access.rowFilters.submit ?? null, edit: scope.access.rowFilters.edit ?? null },
      caller: {
        memberId: scope.viewer.memberId,
        departmentIds: [...scope.viewer.departmentIds],
        scopeDepartmentIds: [...scope.viewer.departmentScopeIds],
        roleIds: [...scope.viewer.roleIds],
        timezone: scope.filterContext.timezone,
        now: ctx.now(),
      },
      fieldContext: { timezone: requestTimeZone(request), locale: preferredLocale(request.headers['accept-language']) },
      stagingDir: s.importsDir,
    });
    void runner.enqueue(task, [upload.path]);
    queued = true;
    return reply.code(202).send({
      jobId: job.id,
      status: job.status,
      statusUrl: `/api/v1/imports/${job.id}`,
      errorsUrl: `/api/v1/imports/${job.id}/errors?format=csv`,
    });
  } catch (error) {
    if (error instanceof CsvImportError) return sendFileProblems(request, reply, [{ error, path: 'body.file' }]);
    throw error;
  } finally {
    if (!queued) rmSync(upload.path, { force: true });
  }
}
