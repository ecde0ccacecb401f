import type { FormDef, JsonValue, Rule } from '@formflow/schema';
import { aggregateRows } from '../logic/aggregate-rows.js';
import { contextValues, DEFAULT_TIMEZONE, type LogicContext } from '../logic/logic-context.js';
import { compileRule, truthy, type CompiledRule } from '../rules/index.js';
import { sameJsonValue } from '../validation/same-json-value.js';
import { isEmptyValue } from '../values/is-empty-value.js';
import { roundDecimal } from '../values/round-decimal.js';
import { refreshDependentValues } from './dependent-values.js';
import { relationIds } from './relation-ids.js';
import { subtableRows } from './relation-links.js';
import { relationPlan, type DerivedRelationField } from './relation-plan.js';

type Values = Readonly<Record<string, JsonValue>>;

/**
 * Reads a linked record's data: undefined when the record does not exist, is in the recycle bin, belongs to another
 * form than `formId` or to another workspace. The server backs it with the store; tests with a map.
 */
export type LinkedRecordLoader = (formId: string, recordId: string) => Values | undefined;

export type ComputeRelationOptions = {
  /** Only recompute the derived fields reading these relation slots (`RelationSlot.key`); default all. */
  slots?: ReadonlySet<string>;
  /** For `$now` / `$today` / `$member` in rollup conditions and dependent formulas. */
  context?: LogicContext;
};

export type ComputeRelationResult = {
  /** The record's data with lookups, relation rollups and the formulas reading them up to date (a new object). */
  values: Record<string, JsonValue>;
  /** Top-level field ids whose value changed (a sub-table counts as changed when a row's derived column did). */
  changed: string[];
};

type Scope = Record<string, unknown>;

function lookupValue(spec: DerivedRelationField & { kind: 'lookup' }, linked: Values[]): JsonValue {
  if (!spec.slot.multiple) return linked[0]?.[spec.sourceField] ?? null;
  // One entry per linked record, in link order (so two lookups through the same relation stay aligned).
  const entries = linked.map((record) => record[spec.sourceField] ?? null);
  return entries.every((v) => isEmptyValue(v)) ? null : entries;
}

function rollupValue(
  spec: DerivedRelationField & { kind: 'rollup' },
  linked: Values[],
  scope: Scope,
  condition: CompiledRule | null,
): JsonValue {
  const rows = condition === null ? linked : linked.filter((row) => passes(condition, { ...scope, ...row }));
  const value = aggregateRows(rows, spec.sourceField, spec.aggregation);
  return typeof value === 'number' && spec.decimals !== undefined ? roundDecimal(value, spec.decimals) : value;
}

function passes(condition: CompiledRule, scope: Scope): boolean {
  try {
    return truthy(condition(scope));
  } catch {
    return false;
  }
}

/**
 * Derives the lookups and relation rollups of one record from the records its relations link to (DESIGN §6):
 * - lookup: the value of `settings.field` in the linked record; for a multiple relation the list of the values of
 *   the linked records in link order (null when none has a value). A missing or deleted linked record is skipped
 *   (a single relation to it gives null).
 * - rollup over a relation: `aggregation` of `field` over the linked records passing `condition` (evaluated over the
 *   linked record's fields on top of this record's), as `aggregateRows` does for sub-table rows, rounded to
 *   `decimals`.
 * Column lookups/rollups are derived per row. Then the formulas reading a changed value are re-evaluated.
 * Pure: linked records come from `load`.
 */
export function computeRelationValues(
  form: FormDef,
  data: Values,
  load: LinkedRecordLoader,
  options: ComputeRelationOptions = {},
): ComputeRelationResult {
  const plan = relationPlan(form);
  const only = options.slots;
  const specs = only === undefined ? plan.derived : plan.derived.filter((spec) => only.has(spec.slot.key));
  const values: Record<string, JsonValue> = { ...data };
  if (specs.length === 0) return { values, changed: [] };
  const timeZone = options.context?.timezone ?? DEFAULT_TIMEZONE;
  const needsContext = specs.some((s) => s.kind === 'rollup' && s.condition !== undefined);
  const context: Scope = needsContext ? contextValues(options.context ?? {}) : {};
  const conditions = new Map<DerivedRelationField, CompiledRule | null>();
  for (const spec of specs) {
    if (spec.kind !== 'rollup' || spec.condition === undefined) continue;
    try {
      conditions.set(spec, compileRule(spec.condition as Rule, { timeZone }));
    } catch {
      conditions.set(spec, () => false);
    }
  }
  const derive = (spec: DerivedRelationField, row: Scope | null): JsonValue => {
    const holder: Scope = spec.slot.subtableId === null ? values : (row ?? {});
    let ids = relationIds(holder[spec.slot.field.id]);
    if (!spec.slot.multiple) ids = ids.slice(0, 1);
    const linked: Values[] = [];
    for (const id of ids) {
      const record = load(spec.slot.targetFormId, id);
      if (record !== undefined) linked.push(record);
    }
    if (spec.kind === 'lookup') return lookupValue(spec, linked);
    return rollupValue(spec, linked, { ...context, ...values, ...(row ?? {}) }, conditions.get(spec) ?? null);
  };

  const changed = new Set<string>();
  const bySubtable = new Map<string, DerivedRelationField[]>();
  for (const spec of specs) {
    if (spec.subtableId !== null) {
      bySubtable.set(spec.subtableId, [...(bySubtable.get(spec.subtableId) ?? []), spec]);
      continue;
    }
    const next = derive(spec, null);
    if (!sameJsonValue(values[spec.field.id] ?? null, next)) {
      values[spec.field.id] = next;
      changed.add(spec.field.id);
    }
  }
  for (const [subtableId, columnSpecs] of bySubtable) {
    const rows = values[subtableId];
    if (!Array.isArray(rows)) continue;
    let rowsChanged = false;
    const nextRows = rows.map((row) => {
      if (subtableRows([row]).length === 0) return row;
      const current = row as { [column: string]: JsonValue };
      let out: { [column: string]: JsonValue } | null = null;
      for (const spec of columnSpecs) {
        const next = derive(spec, current);
        if (sameJsonValue(current[spec.field.id] ?? null, next)) continue;
        out ??= { ...current };
        out[spec.field.id] = next;
      }
      if (out === null) return row;
      rowsChanged = true;
      return out;
    });
    if (rowsChanged) {
      values[subtableId] = nextRows;
      changed.add(subtableId);
    }
  }
  refreshDependentValues(form, values, changed, options.context);
  return { values, changed: [...changed] };
}
