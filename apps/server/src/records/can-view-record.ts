import type { StoredRecord } from '@formflow/store';
import { accessOf, rowAllowed, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';

/**
 * Whether the caller of `scope` may view `record` of form `formId` (same workspace): the `view` action on that form
 * and the record inside its view row filter. Used before linking to a record, so relation lookups never show a
 * caller values of a record they could not open themselves.
 */
export function canViewRecord(ctx: ServerContext, scope: FormScope, formId: string, record: StoredRecord): boolean {
  if (formId === scope.form.formId) return rowAllowed(ctx, scope, record, 'view');
  const form = ctx.definitions.liveForm(scope.actor.workspaceId, formId);
  if (!form) return false;
  const access = accessOf(ctx, scope.actor.workspaceId, form, scope.viewer);
  if (!access.actions.has('view')) return false;
  return rowAllowed(ctx, { ...scope, form, access }, record, 'view');
}
