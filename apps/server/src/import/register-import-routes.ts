import { rmSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickReadable } from '@formflow/engine';
import { localize } from '@formflow/schema';
import { ImportJobRepository } from '@formflow/store';
import { requestTimeZone } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { fileFieldsOf } from '../files/file-field.js';
import { conflict, notFound, unauthenticated } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { acceptImportUpload, type AcceptedUpload } from './accept-import-upload.js';
import { CsvImportError } from './import-error.js';
import { ImportJobRunner } from './import-job-runner.js';
import { previewImport, type PreviewRequest, type PreviewResult } from './import-preview.js';
import { isBusy, sendBusy, sendFileProblems } from './import-problems.js';
import {
  acceptedSchema,
  errorsJsonSchema,
  errorsQuery,
  formParams,
  jobParams,
  previewSchema,
  problemResponses,
  statusSchema,
} from './import-route-schemas.js';
import { errorReportCsv, importStatusView } from './import-status-view.js';
import { DEFAULT_IMPORT_LIMITS } from './run-import-job.js';
import { previewInWorker } from './spawn-import-worker.js';
import { importableFieldIds, startImportJob } from './start-import-job.js';

type FormRoute = FastifyRequest<{ Params: { formId: string } }>;
type JobRoute = FastifyRequest<{ Params: { jobId: string } }>;

const PREVIEW_ROWS = 20;

/** Runs `handler`, answering 503 BUSY + Retry-After when the database stayed locked past the busy timeout. */
function busySafe<R extends FastifyRequest>(handler: (request: R, reply: FastifyReply) => Promise<unknown>) {
  return async (request: R, reply: FastifyReply): Promise<unknown> => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (isBusy(error)) return sendBusy(request, reply);
      throw error;
    }
  };
}

/**
 * Imports (see docs/api/import.md): preview an upload, start an import job, follow it, read its error report, cancel
 * it. Jobs run in a worker thread, one at a time, with their own SQLite connection; a job left unfinished by a
 * previous process is failed at start-up (recovery policy: fail, never resume).
 */
export function registerImportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const jobs = new ImportJobRepository(ctx.store.db, ctx.now);
  const importsDir = join(ctx.dataDir, 'imports');
  const runner = new ImportJobRunner(jobs, ctx.store.db, undefined, ctx.writerLock);
  runner.recover(importsDir);
  app.addHook('onClose', async () => runner.close());

  /** What the preview needs from an accepted upload (the header check of an import is a preview of 0 rows). */
  const previewRequest = (request: FastifyRequest, accepted: AcceptedUpload, rows: number): PreviewRequest => {
    const { scope, upload, options, format } = accepted;
    return {
      file: { path: upload.path, format },
      options,
      form: scope.form.definition,
      writableFieldIds: scope.access.full ? null : [...importableFieldIds(scope.access, options)],
      fieldContext: { timezone: requestTimeZone(request), locale: preferredLocale(request.headers['accept-language']) },
      logic: {
        member: { id: scope.viewer.memberId, departmentIds: scope.viewer.departmentIds, roleIds: scope.viewer.roleIds },
        now: scope.filterContext.now,
        timezone: scope.filterContext.timezone,
      },
      maxColumns: DEFAULT_IMPORT_LIMITS.maxColumns,
      rows,
    };
  };
  /** CSV is previewed here (a few rows, bounded); a workbook in a worker with a memory cap (RELIABILITY J2). */
  const preview = (request: PreviewRequest): Promise<PreviewResult> =>
    request.file.format === 'xlsx' ? previewInWorker(request) : previewImport(request);

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fields: 4, parts: 5 } });

    scope.post(
      '/api/v1/forms/:formId/imports/preview',
      {
        schema: {
          tags: ['import'],
          summary: 'Preview an import: encoding, delimiter, column mapping, the first 20 rows checked',
          description:
            'multipart/form-data: `file` (CSV in UTF-8/GB18030/Latin-1, or .xlsx) and optional `options` (JSON: ' +
            '`mapping`, `encoding`, `delimiter`). Needs `submit`. Nothing is written.',
          consumes: ['multipart/form-data'],
          params: formParams,
          response: { 200: previewSchema, ...problemResponses },
        },
      },
      busySafe(async (request: FormRoute, reply) => {
        const accepted = await acceptImportUpload(ctx, request, reply, importsDir);
        if (!accepted) return reply;
        const locale = preferredLocale(request.headers['accept-language']);
        try {
          const result = await preview(previewRequest(request, accepted, PREVIEW_ROWS));
          const { access } = accepted.scope;
          const form = accepted.scope.form.definition;
          const importable = access.full ? null : importableFieldIds(access, accepted.options);
          const files = new Set(fileFieldsOf(form).map((f) => f.topId));
          return {
            ...result,
            columns: result.columns.map((c) => ({
              ...c,
              ...(c.error ? { error: { code: c.error.code, message: c.error.message[locale] } } : {}),
            })),
            problems: result.problems.map((p) => ({ code: p.code, message: p.message[locale] })),
            fields: form.fields
              .filter(
                (f) =>
                  f.deleted !== true &&
                  (importable?.has(f.id) ?? true) &&
                  !files.has(f.id) &&
                  ctx.registry.get(f.type).source === 'user',
              )
              .map((f) => ({
                id: f.id,
                ...(f.key ? { key: f.key } : {}),
                label: localize(f.label, locale),
                type: f.type,
                required: f.required === true,
                unique: f.unique === true,
              })),
            // Only what the caller may read: a hidden field's default or computed value is never shown.
            rows: result.rows.map((r) => ({
              ...r,
              ...(r.values ? { values: pickReadable(r.values, access) } : {}),
              errors: r.errors.map((e) => ({ ...e, message: e.message[locale] })),
            })),
          };
        } catch (error) {
          if (error instanceof CsvImportError) return sendFileProblems(request, reply, [{ error, path: 'body.file' }]);
          throw error;
        } finally {
          rmSync(accepted.upload.path, { force: true });
        }
      }),
    );

    scope.post(
      '/api/v1/forms/:formId/imports',
      {
        schema: {
          tags: ['import'],
          summary: 'Start an import job',
          description:
            'multipart/form-data: `file` and `options` (JSON `{ mode: "allOrNothing" | "validRowsOnly", mapping?, ' +
            'dedupe?: { field, onDuplicate: "update" | "skip" }, encoding?, delimiter? }`). Needs `submit` (and ' +
            '`edit` for dedupe updates); only writable fields can be mapped (403 READONLY_COLUMN names the column). ' +
            'Answers 202 with the job id at once; the job runs in the background.',
          consumes: ['multipart/form-data'],
          params: formParams,
          response: { 202: acceptedSchema, ...problemResponses },
        },
      },
      busySafe(async (request: FormRoute, reply) => {
        const accepted = await acceptImportUpload(ctx, request, reply, importsDir);
        if (!accepted) return reply;
        const checkHeader = () => preview(previewRequest(request, accepted, 0));
        return startImportJob({ ctx, request, reply, accepted, checkHeader, jobs, runner, importsDir });
      }),
    );
  });

  /** The caller's job: 404 for another workspace's, and for anyone but its creator or a workspace owner/admin. */
  const jobOf = (request: JobRoute, reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor) {
      void unauthenticated(reply);
      return undefined;
    }
    const job = jobs.get(actor.workspaceId, request.params.jobId);
    const mayRead = job && (job.createdBy === actor.memberId || actor.role === 'owner' || actor.role === 'admin');
    if (!job || !mayRead) {
      void notFound(reply, 'import job');
      return undefined;
    }
    return job;
  };

  app.get(
    '/api/v1/imports/:jobId',
    {
      schema: {
        tags: ['import'],
        summary: 'Progress of an import job',
        description: 'Readable by the job creator and workspace owners/admins; poll it while the job runs.',
        params: jobParams,
        response: { 200: statusSchema, ...problemResponses },
      },
    },
    busySafe(async (request: JobRoute, reply) => {
      const job = jobOf(request, reply);
      if (!job) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      return importStatusView(job, runner.live(job.id), ctx.now(), locale);
    }),
  );

  app.get<{ Params: { jobId: string }; Querystring: { format: 'csv' | 'json' } }>(
    '/api/v1/imports/:jobId/errors',
    {
      schema: {
        tags: ['import'],
        summary: 'The per-row error report of an import job',
        description:
          "`format=csv` (default): row, column, value, message in the caller's language, UTF-8 with BOM, formula-safe. " +
          '`format=json`: the same as JSON. At most 1,000 errors are kept; `rowsFailed` is exact.',
        params: jobParams,
        querystring: errorsQuery,
        response: { 200: errorsJsonSchema, ...problemResponses },
      },
    },
    busySafe(
      async (
        request: FastifyRequest<{ Params: { jobId: string }; Querystring: { format: 'csv' | 'json' } }>,
        reply,
      ) => {
        const job = jobOf(request, reply);
        if (!job) return reply;
        const locale = preferredLocale(request.headers['accept-language']);
        const errors = jobs.errors(job.workspaceId, job.id) ?? [];
        if (request.query.format === 'json') {
          return { rowsFailed: job.rowsFailed, errors: errors.map((e) => ({ ...e, message: e.message[locale] })) };
        }
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-errors-${job.id}.csv"`)
          .header('x-content-type-options', 'nosniff')
          .send(errorReportCsv(errors, job.rowsFailed, locale));
      },
    ),
  );

  app.post(
    '/api/v1/imports/:jobId/cancel',
    {
      schema: {
        tags: ['import'],
        summary: 'Cancel an import job',
        description:
          'A queued job is cancelled at once; a running one stops at its next row (allOrNothing: nothing written; ' +
          'validRowsOnly: rows already committed stay). 409 JOB_FINISHED for a job that has ended.',
        params: jobParams,
        response: { 202: statusSchema, ...problemResponses },
      },
    },
    busySafe(async (request: JobRoute, reply) => {
      const job = jobOf(request, reply);
      if (!job) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      if (job.status !== 'queued' && job.status !== 'running') {
        return conflict(reply, 'JOB_FINISHED', `the import job has already ended (${job.status})`);
      }
      const outcome = runner.cancel(job.workspaceId, job.id);
      if (outcome === 'unknown' && job.status === 'queued') jobs.cancelQueued(job.workspaceId, job.id);
      const current = jobs.get(job.workspaceId, job.id) ?? job;
      return reply.code(202).send(importStatusView(current, runner.live(job.id), ctx.now(), locale));
    }),
  );
}
