import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  checkFilter,
  compileFilter,
  filterFieldIds,
  resolveFormAccess,
  type CompiledFilter,
  type FilterContext,
  type FormAccess,
  type Viewer,
} from '@formflow/engine';
import type { FilterNode, FormAction } from '@formflow/schema';
import type { StoredRecord } from '@formflow/store';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unauthenticated } from '../http/problems.js';
import type { LiveForm } from './definition-cache.js';
import type { ServerContext } from './server-context.js';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from './time-zone.js';
import { restrictDerivedFields } from './derived-field-access.js';

/**
 * The caller's access to a live form, as every route must see it: the permission groups resolved by the engine, with
 * actions whose row filter no longer fits the form withdrawn, and lookups/rollups dropped where they would show a
 * field the caller cannot read in the linked form.
 */
export function accessOf(ctx: ServerContext, workspaceId: string, form: LiveForm, viewer: Viewer): FormAccess {
  const groups = ctx.definitions.permissionGroups(workspaceId, form.appId, form.appRevision);
  const base = withoutBrokenRowFilters(ctx, form, resolveFormAccess(form.definition, groups, viewer));
  return restrictDerivedFields(ctx, workspaceId, viewer, form.definition, base);
}

/** Everything a form-scoped route knows about the caller once `formScope` let it through. */
export type FormScope = {
  actor: Actor;
  viewer: Viewer;
  form: LiveForm;
  access: FormAccess;
  /** Member, departments, clock and zone for filters, row filters and form logic. */
  filterContext: FilterContext;
  /**
   * The context permission row filters are evaluated in: the caller's member and departments, the server's zone
   * (`FORMFLOW_TIMEZONE`), never a zone the caller picks, so "created today" cannot be stretched by a header.
   */
  rowFilterContext: FilterContext;
};

/** The server's zone: `FORMFLOW_TIMEZONE` when it names a real zone, else Asia/Shanghai. */
export function serverTimeZone(): string {
  return canonicalTimeZone(process.env['FORMFLOW_TIMEZONE'] ?? '') ?? DEFAULT_TIME_ZONE;
}

/** The caller's zone: the `X-Formflow-Timezone` header when it names a real zone, else the server's. */
export function requestTimeZone(request: FastifyRequest): string {
  const header = request.headers['x-formflow-timezone'];
  const zone = typeof header === 'string' ? canonicalTimeZone(header.trim()) : null;
  return zone ?? serverTimeZone();
}

/**
 * The caller of a request and their viewer (departments, roles), or undefined after answering 401: no caller, or a
 * member no longer in the directory. Re-read on every request, like the actor (H7).
 */
export function callerOf(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): { actor: Actor; viewer: Viewer } | undefined {
  const actor = request.actor;
  const viewer = actor ? viewerOf(ctx, actor) : undefined;
  if (!actor || !viewer) {
    void unauthenticated(reply);
    return undefined;
  }
  return { actor, viewer };
}

/** The viewer of an authenticated request (re-read every request, like the actor: H7). */
export function viewerOf(ctx: ServerContext, actor: Actor): Viewer | undefined {
  return ctx.directory.viewerOf(actor.workspaceId, actor.memberId, actor.directoryRevision);
}

/**
 * Guards a form route: 401 without a caller, 404 when the form is not live in the caller's workspace (absent,
 * deleted, unpublished or another tenant's), 403 when no permission group grants `action`. Sends the answer and
 * returns undefined when the route must stop.
 */
export function formScope(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  formId: string,
  action: FormAction | readonly FormAction[],
): FormScope | undefined {
  const caller = callerOf(ctx, request, reply);
  if (!caller) return undefined;
  const { actor, viewer } = caller;
  const form = ctx.definitions.liveForm(actor.workspaceId, formId);
  if (!form) {
    void notFound(reply, 'form');
    return undefined;
  }
  const access = accessOf(ctx, actor.workspaceId, form, viewer);
  const wanted: readonly FormAction[] = typeof action === 'string' ? [action] : action;
  if (!wanted.some((a) => access.actions.has(a))) {
    const names = wanted.map((a) => `"${a}"`).join(' or ');
    void forbidden(reply, `you do not have the ${names} permission on this form`);
    return undefined;
  }
  const filterContext: FilterContext = {
    memberId: viewer.memberId,
    departmentIds: viewer.departmentScopeIds,
    now: ctx.now(),
    timezone: requestTimeZone(request),
  };
  const rowFilterContext: FilterContext = { ...filterContext, timezone: serverTimeZone() };
  return { actor, viewer, form, access, filterContext, rowFilterContext };
}

const checkedRowFilters = new WeakMap<FilterNode, Map<number, boolean>>();

/** Whether a permission row filter still makes sense for this form version (its fields live, with fitting types). */
function rowFilterUsable(ctx: ServerContext, form: LiveForm, filter: FilterNode): boolean {
  let byVersion = checkedRowFilters.get(filter);
  if (!byVersion) checkedRowFilters.set(filter, (byVersion = new Map()));
  let usable = byVersion.get(form.version);
  if (usable === undefined) {
    const live = new Set(form.definition.fields.filter((f) => f.deleted !== true).map((f) => f.id));
    usable =
      filterFieldIds(filter).every((id) => live.has(id.split('.')[0] ?? id)) &&
      checkFilter(filter, form.definition, ctx.registry).length === 0;
    byVersion.set(form.version, usable);
  }
  return usable;
}

/**
 * Fails closed when a group's row filter names a field that was deleted or changed type since: the action it limits
 * is withdrawn (403) instead of the filter failing on every request (a 500) or being ignored (every row).
 */
function withoutBrokenRowFilters(ctx: ServerContext, form: LiveForm, access: FormAccess): FormAccess {
  if (access.full) return access;
  let actions: Set<FormAction> | undefined;
  let rowFilters: FormAccess['rowFilters'] | undefined;
  for (const [action, filter] of Object.entries(access.rowFilters) as [FormAction, FilterNode | null][]) {
    if (filter === null || rowFilterUsable(ctx, form, filter)) continue;
    actions ??= new Set(access.actions);
    rowFilters ??= { ...access.rowFilters };
    actions.delete(action);
    delete rowFilters[action];
  }
  return actions && rowFilters ? { ...access, actions, rowFilters } : access;
}

const compiledRowFilters = new WeakMap<FilterNode, Map<number, CompiledFilter>>();

/** Whether a stored record is inside the rows `action` reaches for this caller (the group's row filter). */
export function rowAllowed(ctx: ServerContext, scope: FormScope, record: StoredRecord, action: FormAction): boolean {
  const filter = scope.access.rowFilters[action];
  if (filter === undefined) return false;
  if (filter === null) return true;
  // formScope already withdrew actions whose filter no longer fits the form; a filter that still fails to compile
  // (for another form's scope, as in canViewRecord) reaches no rows: fail closed.
  if (!rowFilterUsable(ctx, scope.form, filter)) return false;
  let byVersion = compiledRowFilters.get(filter);
  if (!byVersion) compiledRowFilters.set(filter, (byVersion = new Map()));
  let compiled = byVersion.get(scope.form.version);
  if (!compiled)
    byVersion.set(scope.form.version, (compiled = compileFilter(filter, scope.form.definition, ctx.registry)));
  return compiled(record.data, scope.rowFilterContext);
}

/**
 * Guards a record route: loads the record in the caller's workspace (404 otherwise, also for a record in the recycle
 * bin unless `includeDeleted`), checks `action` on its form, and answers 404 when the record is outside the rows the
 * caller's groups reach for that action (its existence is not disclosed).
 */
export function recordScope(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  recordId: string,
  action: FormAction,
  options: { includeDeleted?: boolean } = {},
): { scope: FormScope; record: StoredRecord } | undefined {
  const actor = request.actor;
  if (!actor) {
    void unauthenticated(reply);
    return undefined;
  }
  const record = ctx.store.records.getRecord(actor.workspaceId, recordId, options);
  if (!record) {
    void notFound(reply, 'record');
    return undefined;
  }
  const scope = formScope(ctx, request, reply, record.formId, action);
  if (!scope) return undefined;
  if (!rowAllowed(ctx, scope, record, action)) {
    void notFound(reply, 'record');
    return undefined;
  }
  return { scope, record };
}
