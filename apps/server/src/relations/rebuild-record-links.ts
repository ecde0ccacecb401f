import { relationLinks } from '@formflow/engine';
import type { ServerContext } from '../context/server-context.js';
import { linkIndex } from './link-index.js';

/**
 * Re-derives the link index of every record of a form from its data and live definition: for a field that became a
 * relation by a type change, or records written by a path that did not call `propagateRelationChanges`. Returns how
 * many records' links changed (0 for a form that is not live).
 */
export function rebuildRecordLinks(ctx: ServerContext, workspaceId: string, formId: string): number {
  const form = ctx.definitions.liveForm(workspaceId, formId);
  if (!form) return 0;
  return linkIndex(ctx).rebuildForm(workspaceId, formId, (data) =>
    relationLinks(form.definition, data).map((link) => ({ fieldKey: link.key, toRecordId: link.toRecordId })),
  );
}
