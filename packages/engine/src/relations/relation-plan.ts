import type { FieldDef, FormDef, Rule } from '@formflow/schema';
import type { RollupAggregation } from '../logic/aggregate-rows.js';

/** A place of a record that holds a relation value: a top-level relation field, or a relation column of a sub-table. */
export type RelationSlot = {
  /** The field id, or `subtableId.columnId` for a column (ids never contain a dot). The key of a stored link. */
  key: string;
  /** The relation field or column. */
  field: FieldDef;
  /** The sub-table holding the column, or null for a top-level field. */
  subtableId: string | null;
  targetFormId: string;
  multiple: boolean;
};

type DerivedBase = {
  /** The lookup or rollup field (a top-level field, or a column of `subtableId`). */
  field: FieldDef;
  subtableId: string | null;
  /** The relation it reads: a top-level relation, or (for a column) a sibling relation column. */
  slot: RelationSlot;
};

/** A lookup, or a rollup whose source is a relation: the values the server derives from linked records. */
export type DerivedRelationField =
  | (DerivedBase & { kind: 'lookup'; sourceField: string })
  | (DerivedBase & {
      kind: 'rollup';
      sourceField: string | undefined;
      aggregation: RollupAggregation;
      condition: Rule | undefined;
      decimals: number | undefined;
    });

export type RelationPlan = {
  slots: RelationSlot[];
  derived: DerivedRelationField[];
  /** Slot key → the derived fields reading it. */
  derivedBySlot: Map<string, DerivedRelationField[]>;
};

const AGGREGATIONS: readonly string[] = ['sum', 'avg', 'count', 'min', 'max'];
const plans = new WeakMap<FormDef, RelationPlan>();

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const live = (fields: readonly FieldDef[]): FieldDef[] => fields.filter((f) => !f.deleted);
const columnsOf = (field: FieldDef): FieldDef[] =>
  Array.isArray(field.settings?.fields) ? live(field.settings.fields as unknown as FieldDef[]) : [];

function slotOf(field: FieldDef, subtableId: string | null): RelationSlot | undefined {
  const targetFormId = str(field.settings?.formId);
  if (targetFormId === undefined) return undefined;
  return {
    key: subtableId === null ? field.id : `${subtableId}.${field.id}`,
    field,
    subtableId,
    targetFormId,
    multiple: field.settings?.multiple === true,
  };
}

function derivedOf(field: FieldDef, subtableId: string | null, slot: RelationSlot): DerivedRelationField | undefined {
  const settings = field.settings ?? {};
  if (field.type === 'lookup') {
    const sourceField = str(settings.field);
    return sourceField === undefined ? undefined : { kind: 'lookup', field, subtableId, slot, sourceField };
  }
  const aggregation = str(settings.aggregation);
  if (aggregation === undefined || !AGGREGATIONS.includes(aggregation)) return undefined;
  return {
    kind: 'rollup',
    field,
    subtableId,
    slot,
    sourceField: str(settings.field),
    aggregation: aggregation as RollupAggregation,
    condition: settings.condition === undefined ? undefined : (settings.condition as Rule),
    decimals: typeof settings.decimals === 'number' ? settings.decimals : undefined,
  };
}

/**
 * The relation slots of a form and the lookups / relation rollups that read them, computed once per definition
 * object. A column lookup or rollup reads a sibling relation column of its row first, else a top-level relation (as
 * the definition check resolves it). Rollups over a sub-table are the form engine's (`evaluateForm`), not listed here.
 */
export function relationPlan(form: FormDef): RelationPlan {
  const hit = plans.get(form);
  if (hit) return hit;
  const slots: RelationSlot[] = [];
  const topSlots = new Map<string, RelationSlot>();
  for (const field of live(form.fields)) {
    if (field.type === 'relation') {
      const slot = slotOf(field, null);
      if (slot) {
        slots.push(slot);
        topSlots.set(field.id, slot);
      }
    }
    if (field.type === 'subtable') {
      for (const column of columnsOf(field)) {
        const slot = column.type === 'relation' ? slotOf(column, field.id) : undefined;
        if (slot) slots.push(slot);
      }
    }
  }
  const refOf = (field: FieldDef): string | undefined =>
    str(field.type === 'lookup' ? field.settings?.relationField : field.settings?.source);
  const derived: DerivedRelationField[] = [];
  const add = (field: FieldDef, subtableId: string | null, slot: RelationSlot | undefined) => {
    const spec = slot && derivedOf(field, subtableId, slot);
    if (spec) derived.push(spec);
  };
  for (const field of live(form.fields)) {
    if (field.type === 'lookup' || field.type === 'rollup') add(field, null, topSlots.get(refOf(field) ?? ''));
    if (field.type !== 'subtable') continue;
    for (const column of columnsOf(field)) {
      if (column.type !== 'lookup' && column.type !== 'rollup') continue;
      const ref = refOf(column) ?? '';
      const sibling = slots.find((s) => s.subtableId === field.id && s.field.id === ref);
      add(column, field.id, sibling ?? topSlots.get(ref));
    }
  }
  const derivedBySlot = new Map<string, DerivedRelationField[]>();
  for (const spec of derived) derivedBySlot.set(spec.slot.key, [...(derivedBySlot.get(spec.slot.key) ?? []), spec]);
  const plan: RelationPlan = { slots, derived, derivedBySlot };
  plans.set(form, plan);
  return plan;
}
