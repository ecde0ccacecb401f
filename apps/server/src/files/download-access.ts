import type { FastifyRequest } from 'fastify';
import { compileFilterToSql, type FileRepository, type StoredFile } from '@formflow/store';
import type { Actor } from '../auth/actor.js';
import { accessOf, requestTimeZone, viewerOf } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { findFileField } from './file-field.js';

/**
 * Whether `actor` may download `file`:
 * - they may `view` a live record of the file's form that holds the file in its field, the field (its sub-table,
 *   for a column) is readable to them and the record is inside their `view` row filter; or
 * - they uploaded it and no live record holds it yet (the form being filled in).
 * Anything else is answered exactly like a missing file (no disclosure). Permissions are re-read on every call.
 */
export function canDownload(
  ctx: ServerContext,
  files: FileRepository,
  request: FastifyRequest,
  actor: Actor,
  file: StoredFile,
): boolean {
  const ws = actor.workspaceId;
  if (file.formId === null || file.fieldId === null) return file.createdBy === actor.memberId;
  const form = ctx.definitions.liveForm(ws, file.formId);
  const viewer = viewerOf(ctx, actor);
  if (form && viewer) {
    const access = accessOf(ctx, ws, form, viewer);
    const lookup = findFileField(form.definition, file.fieldId);
    const rows = access.rowFilters.view;
    if (lookup.ok && access.readable.has(lookup.value.topId) && rows !== undefined) {
      try {
        const scope =
          rows === null
            ? undefined
            : compileFilterToSql(
                rows,
                form.definition,
                ctx.registry,
                {
                  memberId: viewer.memberId,
                  departmentIds: viewer.departmentScopeIds,
                  now: ctx.now(),
                  timezone: requestTimeZone(request),
                },
                { foldFunction: true },
              );
        if (files.isReferenced(ws, file.formId, file.fieldId, file.id, scope)) return true;
      } catch (error) {
        // A row filter that no longer compiles (it names a deleted field) grants nothing.
        request.log.warn({ err: error, formId: file.formId }, 'row filter not applicable to a file download');
      }
    }
  }
  return file.createdBy === actor.memberId && !files.isReferenced(ws, file.formId, file.fieldId, file.id);
}
