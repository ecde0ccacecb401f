import type { PathSegments } from '../problems/make-problem.js';
import { arr, isObj, obj, str, type Obj } from './read.js';

export type FieldInfo = {
  id: string;
  type: string;
  path: PathSegments;
  def: Obj;
  settings: Obj | undefined;
  deleted: boolean;
  /** Position in the form's flattened field list (columns follow their sub-table). */
  order: number;
  /** The sub-table holding this column. */
  parent: FieldInfo | undefined;
};

export type FormInfo = {
  id: string;
  path: PathSegments;
  def: Obj;
  /** Top-level fields by id (first occurrence). */
  fields: Map<string, FieldInfo>;
  /** Every field by id, sub-table columns included (first occurrence). */
  all: Map<string, FieldInfo>;
  /** Flattened list in order, duplicates included. */
  list: FieldInfo[];
};

export type AppIndex = {
  /** False when checking one definition alone: references outside it cannot be resolved. */
  complete: boolean;
  forms: Map<string, FormInfo>;
  /** Field id → ids of the forms holding it. */
  fieldForms: Map<string, string[]>;
  workflows: Map<string, Obj>;
  automations: Map<string, Obj>;
  /** Rule operators allowed (the engine's registry); absent: operators are not checked here. */
  ruleOperators?: { has(name: string): boolean };
};

function fieldInfo(def: unknown, path: PathSegments, order: number, parent: FieldInfo | undefined) {
  const field = obj(def);
  const id = str(field?.id);
  if (field === undefined || id === undefined) return undefined;
  const info: FieldInfo = {
    id,
    type: str(field.type) ?? '',
    path,
    def: field,
    settings: obj(field.settings),
    deleted: field.deleted === true,
    order,
    parent,
  };
  return info;
}

export function indexForm(def: Obj, path: PathSegments): FormInfo | undefined {
  const id = str(def.id);
  if (id === undefined) return undefined;
  const form: FormInfo = { id, path, def, fields: new Map(), all: new Map(), list: [] };
  arr(def.fields).forEach((raw, i) => {
    const field = fieldInfo(raw, [...path, 'fields', i], form.list.length, undefined);
    if (field === undefined) return;
    form.list.push(field);
    if (!form.fields.has(field.id)) form.fields.set(field.id, field);
    if (!form.all.has(field.id)) form.all.set(field.id, field);
    if (field.type !== 'subtable') return;
    arr(field.settings?.fields).forEach((rawColumn, j) => {
      const column = fieldInfo(rawColumn, [...field.path, 'settings', 'fields', j], form.list.length, field);
      if (column === undefined) return;
      form.list.push(column);
      if (!form.all.has(column.id)) form.all.set(column.id, column);
    });
  });
  return form;
}

/** Columns of a sub-table field, by id. */
export function columnsOf(form: FormInfo, subtable: FieldInfo): Map<string, FieldInfo> {
  const columns = new Map<string, FieldInfo>();
  for (const f of form.list) if (f.parent === subtable && !columns.has(f.id)) columns.set(f.id, f);
  return columns;
}

export function buildAppIndex(
  forms: readonly { def: unknown; path: PathSegments }[],
  app: Obj | undefined,
  ruleOperators?: AppIndex['ruleOperators'],
): AppIndex {
  const index: AppIndex = {
    ruleOperators,
    complete: app !== undefined,
    forms: new Map(),
    fieldForms: new Map(),
    workflows: new Map(),
    automations: new Map(),
  };
  for (const { def, path } of forms) {
    if (!isObj(def)) continue;
    const form = indexForm(def, path);
    if (form === undefined || index.forms.has(form.id)) continue;
    index.forms.set(form.id, form);
    for (const fieldId of form.all.keys()) {
      const owners = index.fieldForms.get(fieldId) ?? [];
      owners.push(form.id);
      index.fieldForms.set(fieldId, owners);
    }
  }
  for (const w of arr(app?.workflows)) {
    const id = str(obj(w)?.id);
    if (id !== undefined && !index.workflows.has(id)) index.workflows.set(id, w as Obj);
  }
  for (const a of arr(app?.automations)) {
    const id = str(obj(a)?.id);
    if (id !== undefined && !index.automations.has(id)) index.automations.set(id, a as Obj);
  }
  return index;
}
