import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { FileRepository } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';
import { notFound, unauthenticated } from '../http/problems.js';
import { canDownload } from './download-access.js';
import { findFileField } from './file-field.js';
import { FILE_PROBLEMS, sendFileProblem } from './file-problems.js';
import {
  downloadQuerySchema,
  fileParamsSchema,
  fileRefSchema,
  problemResponses,
  problemSchema,
  uploadParamsSchema,
  uploadQuerySchema,
} from './file-schemas.js';
import { FileStorage } from './file-storage.js';
import { receiveUpload } from './receive-upload.js';
import { sendStoredFile } from './send-file.js';
import { uploadScope } from './upload-scope.js';

/**
 * Attachments and images: upload one file for a file field, download by id. Multipart is registered inside this
 * area's own encapsulated scope, so no other route accepts multipart bodies.
 */
export function registerFileRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const storage = new FileStorage(ctx.dataDir);
  const files = new FileRepository(ctx.store.db, ctx.now);

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fields: 20, parts: 21 } });

    scope.post<{ Params: { formId: string }; Querystring: { field: string } }>(
      '/api/v1/forms/:formId/files',
      {
        schema: {
          tags: ['files'],
          summary: 'Upload one file for an image, attachment or signature field',
          description:
            'multipart/form-data with one file part. Needs `submit` or `edit` on the form and write access to the ' +
            "field. The answer is the value to put in the record field (a file ref). Limits: the field's " +
            '`maxSizeMb` and the server cap (413 FILE_TOO_LARGE); the type is read from the bytes and must agree with ' +
            'the name, the field type and its `accept` (415 FILE_TYPE_NOT_ALLOWED). The SHA-256 of the bytes is in ' +
            'the `Repr-Digest` header.',
          consumes: ['multipart/form-data'],
          params: uploadParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: fileRefSchema, ...problemResponses, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const formScope = uploadScope(ctx, request, reply, request.params.formId);
        if (!formScope) return reply;
        const path = request.query.field;
        const lookup = findFileField(formScope.form.definition, path);
        if (!lookup.ok) {
          return sendFileProblem(request, reply, lookup.code, FILE_PROBLEMS[lookup.code](path), 'querystring.field');
        }
        if (!formScope.access.writable.has(lookup.value.topId)) {
          return sendFileProblem(
            request,
            reply,
            'FIELD_NOT_WRITABLE',
            FILE_PROBLEMS.FIELD_NOT_WRITABLE(path),
            'querystring.field',
          );
        }
        return receiveUpload(request, reply, storage, files, {
          workspaceId: formScope.actor.workspaceId,
          formId: formScope.form.formId,
          fileField: lookup.value,
          createdBy: formScope.actor.memberId,
        });
      },
    );

    scope.get<{ Params: { fileId: string }; Querystring: { disposition: 'attachment' | 'inline' } }>(
      '/api/v1/files/:fileId',
      {
        schema: {
          tags: ['files'],
          summary: 'Download a file',
          description:
            'Allowed when the caller may view a record holding the file in a field readable to them, or uploaded ' +
            'it and it is not attached to a record yet; anything else is 404. Served as an attachment with an ' +
            'RFC 6266 file name (`filename*` carries the exact UTF-8 name); `disposition=inline` is honoured for ' +
            'safe raster images only.',
          params: fileParamsSchema,
          querystring: downloadQuerySchema,
          response: problemResponses,
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (!actor) return unauthenticated(reply);
        const file = files.getFile(actor.workspaceId, request.params.fileId);
        if (!file || !canDownload(ctx, files, request, actor, file)) return notFound(reply, 'file');
        return sendStoredFile(request, reply, storage, file, request.query.disposition);
      },
    );
  });
}
