import { relationPlan, type FilterContext, type LogicContext, type RecordError, type Viewer } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import type { RecordData, StoredRecord, Store } from '@formflow/store';
import { createServerContext } from '../context/create-server-context.js';
import { accessOf, serverTimeZone, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { canViewRecord } from '../records/can-view-record.js';
import { checkRelationTargets, deriveRelationValues, propagateRelationChanges } from '../relations/index.js';

/** What an import needs from the relations module for a form with relation, lookup or rollup fields. */
export type RelationSupport = {
  /** Errors for relation values naming records that do not exist, not in the relation's form, or not viewable. */
  check(data: RecordData, existing?: RecordData): RecordError[];
  /** The record's values with lookups and rollups computed from its linked records. */
  derive(data: RecordData): RecordData;
  /** After a write, inside its transaction: the link index and derived values of records linking to it. */
  propagate(recordId: string): void;
};

/** Who imports, for the link check: the permission viewer and the filter context of the request. */
export type RelationImporter = {
  viewer: Viewer;
  filterContext: FilterContext;
};

/**
 * Whether the importer may view a record of `targetFormId`: the records API's `canViewRecord` over this connection,
 * with the importer's access to each target form resolved once per job (the form's permission groups, the viewer).
 * A form that is not live is never linkable.
 */
function linkCheck(
  ctx: ServerContext,
  workspaceId: string,
  importer: RelationImporter,
): (targetFormId: string, record: StoredRecord) => boolean {
  const scopes = new Map<string, FormScope | null>();
  const scopeOf = (formId: string): FormScope | null => {
    let scope = scopes.get(formId);
    if (scope !== undefined) return scope;
    const form = ctx.definitions.liveForm(workspaceId, formId);
    scope = null;
    if (form) {
      const { viewer } = importer;
      const access = accessOf(ctx, workspaceId, form, viewer);
      // canViewRecord reads only the workspace of the actor.
      const actor = { workspaceId, memberId: viewer.memberId, role: viewer.role, via: 'session' as const };
      const rowFilterContext = { ...importer.filterContext, timezone: serverTimeZone() };
      scope = { actor, viewer, form, access, filterContext: importer.filterContext, rowFilterContext };
    }
    scopes.set(formId, scope);
    return scope;
  };
  return (targetFormId, record) => {
    const scope = scopeOf(targetFormId);
    return scope !== null && canViewRecord(ctx, scope, targetFormId, record);
  };
}

/**
 * The relations module over the importer's own connection, or null when the form has no relation (then nothing is
 * derived or propagated, and imports take the fast path). With an `importer`, a link must name a record the importer
 * may view, exactly as the records API checks it (RELIABILITY H2, H4): a lookup would otherwise show them values of a
 * record they cannot open. Without one (a trusted import run by the server itself), links are checked for existence
 * only.
 */
export function relationSupport(
  store: Store,
  form: FormDef,
  workspaceId: string,
  actor: string | null,
  context: LogicContext,
  importer: RelationImporter | null,
): RelationSupport | null {
  const hasDerived = form.fields.some((f) => f.deleted !== true && (f.type === 'lookup' || f.type === 'rollup'));
  if (relationPlan(form).slots.length === 0 && !hasDerived) return null;
  const ctx = createServerContext(store);
  const canLink = importer ? linkCheck(ctx, workspaceId, importer) : undefined;
  return {
    check: (data, existing) =>
      checkRelationTargets(ctx, workspaceId, form, data, {
        ...(existing ? { existing } : {}),
        ...(canLink ? { canLink } : {}),
      }),
    derive: (data) => deriveRelationValues(ctx, workspaceId, form, data, context),
    propagate: (recordId) => {
      propagateRelationChanges(ctx, workspaceId, form.id, recordId, actor);
    },
  };
}
