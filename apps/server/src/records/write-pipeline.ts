import { validateRecord, type LogicContext } from '@formflow/engine';
import type { JsonValue, RecordData, StoredRecord } from '@formflow/store';
import { rowAllowed, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { recordProblems, type ProblemItem } from '../http/problems.js';
import { verifyFileRefs } from '../files/verify-file-refs.js';
import { checkRelationTargets, deriveRelationValues } from '../relations/index.js';
import { canViewRecord } from './can-view-record.js';
import { formWriteInfo } from './form-write-info.js';
import { jsonEqual } from './json-equal.js';
import { recordItem } from './record-messages.js';

export type Locale = 'zh-CN' | 'en';

/** Engine errors that mean the request itself is malformed (400), not that the record breaks the form (422). */
const MALFORMED: ReadonlySet<string> = new Set(['NESTING_TOO_DEEP', 'TOO_LARGE']);

/** Why a write cannot go ahead, as a problem answer. `current` is set for a version conflict. */
export type WriteFailure = {
  status: 400 | 403 | 404 | 409 | 412 | 422;
  code: string;
  items: ProblemItem[];
  current?: StoredRecord;
  existingRecordId?: string;
};

export type CreatePlan = { data: RecordData };
/** `patch` holds only what changes (a null clears); empty when the write changes nothing. */
export type UpdatePlan = { record: StoredRecord; expectedVersion: number; patch: RecordData };

export type Prepared<T> = { ok: true; plan: T } | { ok: false; failure: WriteFailure };

/** Where a stale version is reported: the If-Match header of a single write, `update[i].version` in a batch. */
export const versionPath = (prefix: string): string => (prefix === '' ? 'headers.if-match' : `${prefix}version`);

/** The logic context of a write: who is filling the form, when, in which zone. */
export function logicContext(scope: FormScope): LogicContext {
  return {
    member: { id: scope.viewer.memberId, departmentIds: scope.viewer.departmentIds, roleIds: scope.viewer.roleIds },
    now: scope.filterContext.now,
    timezone: scope.filterContext.timezone,
  };
}

/** Values for fields the caller's permission groups do not let them write: refused (403), never dropped (H3). */
function permissionItems(
  scope: FormScope,
  data: Record<string, unknown>,
  writable: ReadonlySet<string>,
  prefix: string,
  locale: Locale,
) {
  if (scope.access.full) return [];
  const { fields } = formWriteInfo(scope.form.definition);
  return Object.keys(data)
    .filter((key) => fields.has(key) && !writable.has(key))
    .map((key) => recordItem(locale, `${prefix}data.${key}`, 'FIELD_NOT_WRITABLE', { field: key }));
}

function validate(
  ctx: ServerContext,
  scope: FormScope,
  data: Record<string, unknown>,
  existing: StoredRecord | undefined,
  prefix: string,
  locale: Locale,
): { ok: true; values: Record<string, JsonValue> } | { ok: false; failure: WriteFailure } {
  // A create may set what `submit` groups let it write; an update what `edit` groups do (never each other's).
  const writable = existing ? scope.access.writableFor.edit : scope.access.writableFor.submit;
  const denied = permissionItems(scope, data, writable, prefix, locale);
  if (denied.length > 0) return { ok: false, failure: { status: 403, code: 'FIELD_NOT_WRITABLE', items: denied } };
  const result = validateRecord(scope.form.definition, data, {
    registry: ctx.registry,
    mode: existing ? 'update' : 'create',
    ...(existing ? { existing: existing.data } : {}),
    context: logicContext(scope),
    ...(scope.access.full ? {} : { writableFieldIds: writable }),
  });
  if (!result.ok) {
    const items = recordProblems(result.errors, locale).map((item) => ({ ...item, path: `${prefix}${item.path}` }));
    // A body too deep or too large to look at is a malformed request (RELIABILITY A3), not a form error.
    const malformed = items.find((item) => MALFORMED.has(item.code));
    if (malformed) return { ok: false, failure: { status: 400, code: malformed.code, items } };
    return { ok: false, failure: { status: 422, code: 'INVALID_RECORD', items } };
  }
  const withPrefix = (item: ProblemItem) => ({ ...item, path: `${prefix}${item.path}` });
  // Links must name live records of the right form in this workspace that the caller may view: a lookup would
  // otherwise show them values of a record they cannot open (RELIABILITY H2, H4).
  const badLinks = checkRelationTargets(ctx, scope.actor.workspaceId, scope.form.definition, result.values, {
    ...(existing ? { existing: existing.data } : {}),
    canLink: (targetFormId, record) => canViewRecord(ctx, scope, targetFormId, record),
  });
  if (badLinks.length > 0) {
    const items = recordProblems(badLinks, locale).map(withPrefix);
    return { ok: false, failure: { status: 422, code: 'INVALID_RECORD', items } };
  }
  // File refs must be the writer's own uploads for this form and field (or already held by this record).
  const refs = verifyFileRefs(ctx.files, {
    workspaceId: scope.actor.workspaceId,
    formId: scope.form.formId,
    form: scope.form.definition,
    values: result.values,
    ...(existing ? { existing: existing.data } : {}),
    uploader: scope.actor.memberId,
    locale,
  });
  if (!refs.ok)
    return { ok: false, failure: { status: 422, code: 'INVALID_FILE_REF', items: refs.errors.map(withPrefix) } };
  return { ok: true, values: refs.values };
}

/**
 * A new record: permission check, engine validation (422 with every error), then the values the server owns
 * (created-by/at, updated-at; serial numbers are issued by the store inside the transaction) and relation-derived
 * values (lookups, rollups).
 */
export function prepareCreate(
  ctx: ServerContext,
  scope: FormScope,
  data: Record<string, unknown>,
  prefix: string,
  locale: Locale,
): Prepared<CreatePlan> {
  const checked = validate(ctx, scope, data, undefined, prefix, locale);
  if (!checked.ok) return checked;
  const info = formWriteInfo(scope.form.definition);
  const at = ctx.now().toISOString();
  const values: RecordData = {};
  for (const [key, value] of Object.entries(checked.values)) if (value !== null) values[key] = value;
  for (const id of info.createdBy) values[id] = scope.actor.memberId;
  for (const id of [...info.createdAt, ...info.updatedAt]) values[id] = at;
  const derived = deriveRelationValues(
    ctx,
    scope.actor.workspaceId,
    scope.form.definition,
    values,
    logicContext(scope),
  );
  // A group limited to some rows lets its members submit only such rows (e.g. owner = me): no planting records in
  // other members' lists.
  if (!rowAllowed(ctx, scope, { data: derived } as StoredRecord, 'submit')) {
    const item = recordItem(locale, `${prefix}data`, 'ROW_NOT_ALLOWED', {});
    return { ok: false, failure: { status: 403, code: 'ROW_NOT_ALLOWED', items: [item] } };
  }
  return { ok: true, plan: { data: derived } };
}

/**
 * A change to `record`: the version read must be the current one (412 with the current values otherwise), then as
 * for a create. The patch sent to the store is the difference between the stored and the validated values, so
 * computed values that changed are written too; updated-at fields move only when something changed.
 */
export function prepareUpdate(
  ctx: ServerContext,
  scope: FormScope,
  record: StoredRecord,
  data: Record<string, unknown>,
  expectedVersion: number,
  prefix: string,
  locale: Locale,
): Prepared<UpdatePlan> {
  if (record.version !== expectedVersion) {
    const item = recordItem(locale, versionPath(prefix), 'VERSION_CONFLICT', {
      expected: expectedVersion,
      current: record.version,
    });
    return { ok: false, failure: { status: 412, code: 'VERSION_CONFLICT', items: [item], current: record } };
  }
  const checked = validate(ctx, scope, data, record, prefix, locale);
  if (!checked.ok) return checked;
  const info = formWriteInfo(scope.form.definition);
  const derived = deriveRelationValues(
    ctx,
    scope.actor.workspaceId,
    scope.form.definition,
    { ...record.data, ...checked.values },
    logicContext(scope),
  );
  const patch = diffPatch(record.data, derived);
  if (Object.keys(patch).length > 0) {
    const at = ctx.now().toISOString();
    for (const id of info.updatedAt) patch[id] = at;
  }
  return { ok: true, plan: { record, expectedVersion, patch } };
}

/** The fields of `next` whose value differs from `stored` (null: cleared). Keys absent from `next` stay as stored. */
export function diffPatch(stored: RecordData, next: RecordData): RecordData {
  const patch: RecordData = {};
  for (const [key, value] of Object.entries(next)) {
    const before = Object.hasOwn(stored, key) ? stored[key] : null;
    if (!jsonEqual(before ?? null, value ?? null)) patch[key] = value ?? null;
  }
  return patch;
}
