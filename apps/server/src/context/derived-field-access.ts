import { relationPlan, resolveFormAccess, ruleVars, type FormAccess, type Viewer } from '@formflow/engine';
import type { FormDef, PermissionGroupDef, Rule } from '@formflow/schema';
import type { ServerContext } from './server-context.js';

/** A top-level lookup, or rollup over a relation, and what it reads in the linked form. */
type DerivedNeed = {
  fieldId: string;
  targetFormId: string;
  /** Field ids of the target form whose values it copies or measures (lookup source, rollup `field`). */
  sources: string[];
  /** Top segments of the rollup condition's vars: they need view only when the target form has such a field. */
  conditionVars: string[];
  /** The condition could not be read: never show the value to a restricted viewer. */
  unreadable: boolean;
};

type FormAnalysis = {
  derived: DerivedNeed[];
  /** Field id → the top-level fields whose value is computed from it (formulas, assign rules, default formulas). */
  readers: Map<string, string[]>;
  /** Fields whose rule could not be read: dropped as soon as anything is. */
  opaqueReaders: string[];
  /** Every derived field and everything computed from it (used pessimistically when forms link in a cycle). */
  tainted: Set<string>;
};

const analyses = new WeakMap<FormDef, FormAnalysis>();
const fieldIdSets = new WeakMap<FormDef, Set<string>>();

const topVars = (rule: Rule): string[] => ruleVars(rule).map((path) => path.split('.')[0] ?? path);

function allFieldIds(form: FormDef): Set<string> {
  let ids = fieldIdSets.get(form);
  if (!ids) fieldIdSets.set(form, (ids = new Set(form.fields.map((f) => f.id))));
  return ids;
}

/** Readers of other fields' values, per top-level field: formula fields, assign targets, default formulas. */
function readersOf(form: FormDef): { readers: Map<string, string[]>; opaque: string[] } {
  const readers = new Map<string, string[]>();
  const opaque: string[] = [];
  const add = (reader: string, rule: Rule | undefined) => {
    if (rule === undefined) return;
    let vars: string[];
    try {
      vars = topVars(rule);
    } catch {
      opaque.push(reader);
      return;
    }
    for (const read of vars) if (read !== reader) readers.set(read, [...(readers.get(read) ?? []), reader]);
  };
  for (const field of form.fields) {
    if (field.deleted) continue;
    const settings = field.settings ?? {};
    if (field.type === 'formula') add(field.id, settings.formula);
    // A rollup over a sub-table evaluates its condition over each row on top of the record's own values.
    if (field.type === 'rollup') add(field.id, settings.condition);
    add(field.id, field.defaultFormula);
  }
  for (const rule of form.logic ?? []) {
    if (rule.kind !== 'assign') continue;
    add(rule.field, rule.value);
    add(rule.field, rule.when);
  }
  return { readers, opaque };
}

/** What a form's lookups and relation rollups read, once per definition object. */
function analyse(form: FormDef): FormAnalysis {
  const hit = analyses.get(form);
  if (hit) return hit;
  const derived: DerivedNeed[] = [];
  for (const spec of relationPlan(form).derived) {
    // A column of a sub-table cannot be hidden apart from its sub-table (FormAccess lists top-level fields).
    if (spec.subtableId !== null) continue;
    let conditionVars: string[] = [];
    let unreadable = false;
    if (spec.kind === 'rollup' && spec.condition !== undefined) {
      try {
        conditionVars = topVars(spec.condition).filter((v) => !v.startsWith('$'));
      } catch {
        unreadable = true;
      }
    }
    derived.push({
      fieldId: spec.field.id,
      targetFormId: spec.slot.targetFormId,
      sources: spec.sourceField === undefined ? [] : [spec.sourceField],
      conditionVars,
      unreadable,
    });
  }
  const { readers, opaque } = derived.length > 0 ? readersOf(form) : { readers: new Map(), opaque: [] };
  const tainted = withReaders(new Set(derived.map((d) => d.fieldId)), readers, opaque);
  const analysis: FormAnalysis = { derived, readers, opaqueReaders: opaque, tainted };
  analyses.set(form, analysis);
  return analysis;
}

/** `drop` plus every field computed, directly or not, from a field in it. */
function withReaders(drop: Set<string>, readers: ReadonlyMap<string, string[]>, opaque: readonly string[]) {
  if (drop.size === 0) return drop;
  const out = new Set(drop);
  for (const id of opaque) out.add(id);
  const queue = [...out];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const reader of readers.get(id) ?? []) {
      if (out.has(reader)) continue;
      out.add(reader);
      queue.push(reader);
    }
  }
  return out;
}

const isFieldSet = (value: unknown): value is ReadonlySet<string> => value instanceof Set;
const isSetRecord = (value: unknown): value is Record<string, ReadonlySet<string>> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).length > 0 &&
  Object.values(value).every(isFieldSet);

/**
 * A copy of `access` without `drop` in any of its field sets: `readable`, `writable`, and whatever other field-id
 * sets (or records of them, like `writableFor`) FormAccess carries. `actions` and `rowFilters` are kept as they are.
 */
function withoutFields(access: FormAccess, drop: ReadonlySet<string>): FormAccess {
  const strip = (set: ReadonlySet<string>): ReadonlySet<string> => new Set([...set].filter((id) => !drop.has(id)));
  const copy: Record<string, unknown> = { ...access };
  for (const [key, value] of Object.entries(access)) {
    if (key === 'actions' || key === 'rowFilters') continue;
    if (isFieldSet(value)) copy[key] = strip(value);
    else if (isSetRecord(value))
      copy[key] = Object.fromEntries(Object.entries(value).map(([k, set]) => [k, strip(set)]));
  }
  return copy as FormAccess;
}

type Pending = { pending: true; form: FormDef; base: FormAccess };
type Resolution = { form: FormDef; access: FormAccess };

/** Per-call memo: linked forms' access (restricted in turn) and apps' permission groups. */
type CallState = {
  ctx: ServerContext;
  workspaceId: string;
  viewer: Viewer;
  forms: Map<string, Resolution | Pending | null>;
  groups: Map<string, readonly PermissionGroupDef[]>;
};

/** The viewer's access to a linked form, itself restricted for its own lookups; null when it is not live. */
function targetAccess(state: CallState, formId: string): Resolution | null {
  const known = state.forms.get(formId);
  if (known === null) return null;
  if (known !== undefined) {
    if (!('pending' in known)) return known;
    // Forms linking back in a cycle: assume every derived value of the form in progress is hidden.
    return { form: known.form, access: withoutFields(known.base, analyse(known.form).tainted) };
  }
  const live = state.ctx.definitions.liveForm(state.workspaceId, formId);
  if (!live) {
    state.forms.set(formId, null);
    return null;
  }
  let groups = state.groups.get(live.appId);
  if (!groups)
    state.groups.set(
      live.appId,
      (groups = state.ctx.definitions.permissionGroups(state.workspaceId, live.appId, live.appRevision)),
    );
  const base = resolveFormAccess(live.definition, groups, state.viewer);
  const access = restrict(state, live.definition, base);
  const resolved = { form: live.definition, access };
  state.forms.set(formId, resolved);
  return resolved;
}

function shows(need: DerivedNeed, target: Resolution | null): boolean {
  if (target === null || need.unreadable || !target.access.actions.has('view')) return false;
  const { readable } = target.access;
  if (!need.sources.every((id) => readable.has(id))) return false;
  const targetFields = allFieldIds(target.form);
  return need.conditionVars.every((id) => !targetFields.has(id) || readable.has(id));
}

function restrict(state: CallState, form: FormDef, access: FormAccess): FormAccess {
  if (access.full) return access;
  const analysis = analyse(form);
  if (analysis.derived.length === 0) return access;
  state.forms.set(form.id, { pending: true, form, base: access });
  const drop = new Set<string>();
  for (const need of analysis.derived) {
    if (!shows(need, targetAccess(state, need.targetFormId))) drop.add(need.fieldId);
  }
  const result =
    drop.size === 0 ? access : withoutFields(access, withReaders(drop, analysis.readers, analysis.opaqueReaders));
  state.forms.set(form.id, { form, access: result });
  return result;
}

/**
 * `access` without the lookups and relation rollups (top-level) that would show the viewer what the linked form
 * hides from them: a lookup whose source field is not readable there, a rollup whose measured field or condition
 * fields are not, and any of them when the viewer has no `view` on the linked form (or it is not live). A rollup
 * `count` without a field needs only `view`. Fields computed from a dropped field (formulas, assign rules, default
 * formulas) are dropped with it, and a linked form's own lookups are restricted the same way before they are read.
 * Unchanged when `access.full` or the form has no such fields. Lookups inside sub-table columns are not covered:
 * a column cannot be hidden apart from its sub-table. Linked forms are resolved once per call.
 */
export function restrictDerivedFields(
  ctx: ServerContext,
  workspaceId: string,
  viewer: Viewer,
  form: FormDef,
  access: FormAccess,
): FormAccess {
  if (access.full || analyse(form).derived.length === 0) return access;
  return restrict({ ctx, workspaceId, viewer, forms: new Map(), groups: new Map() }, form, access);
}
