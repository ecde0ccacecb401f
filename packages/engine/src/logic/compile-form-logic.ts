import type { FieldDef, FormDef, JsonValue, LocalizedText, Rule } from '@formflow/schema';
import { compileRule, ruleVars, truthy, type CompiledRule } from '../rules/index.js';
import { aggregateRows, type RollupAggregation } from './aggregate-rows.js';
import { coerceResult, type FormulaResultType } from './coerce-result.js';
import { dependencyOrder } from './dependency-order.js';
import { DEFAULT_TIMEZONE } from './logic-context.js';

type Scope = Record<string, unknown>;

/** One step that writes a computed value into the scope, run in dependency order. */
type Producer = { node: string; run: (scope: Scope) => void };

export type CompiledFormLogic = {
  form: FormDef;
  /** Computed fields, value linkage and sub-table column formulas, in dependency order. */
  producers: Producer[];
  /** Per field: the `when` rules of visible / required / readonly logic targeting it. */
  visible: Map<string, CompiledRule[]>;
  required: Map<string, CompiledRule[]>;
  readonly: Map<string, CompiledRule[]>;
  validations: { id: string; when: CompiledRule; fields: string[]; message: LocalizedText }[];
  /** Create-time defaults (static value or formula), in dependency order. */
  defaults: { field: FieldDef; value?: JsonValue; formula?: CompiledRule }[];
  /** True when some rule reads `$member`, `$now` or `$today`, so evaluation must build the context. */
  readsContext: boolean;
  /** True when the form has no computed values and no logic rules: field states never change. */
  isStatic: boolean;
};

const topVar = (path: string): string => path.split('.')[0]!;
const topVars = (rule: Rule): string[] => ruleVars(rule).map(topVar);
const asRows = (value: unknown): Scope[] =>
  Array.isArray(value) ? value.filter((r): r is Scope => r !== null && typeof r === 'object' && !Array.isArray(r)) : [];

const cache = new WeakMap<FormDef, Map<string, CompiledFormLogic>>();

/**
 * Compiles a form's logic once per definition object and time zone: rules to closures, computed fields to an ordered
 * plan. The zone is the viewer's: date operators on instants (`date_diff` of two date-times) count calendar days there.
 */
export function compileFormLogic(form: FormDef, timeZone: string = DEFAULT_TIMEZONE): CompiledFormLogic {
  let perZone = cache.get(form);
  if (!perZone) {
    perZone = new Map();
    cache.set(form, perZone);
  }
  const hit = perZone.get(timeZone);
  if (hit) return hit;
  const compiled = buildFormLogic(form, (rule) => compileRule(rule, { timeZone }));
  perZone.set(timeZone, compiled);
  return compiled;
}

function buildFormLogic(form: FormDef, compile: (rule: Rule) => CompiledRule): CompiledFormLogic {
  const fields = form.fields.filter((f) => !f.deleted);
  const producerByNode = new Map<string, Producer[]>();
  const deps = new Map<string, string[]>();
  const addProducer = (node: string, reads: string[], run: Producer['run']) => {
    producerByNode.set(node, [...(producerByNode.get(node) ?? []), { node, run }]);
    deps.set(node, [...(deps.get(node) ?? []), ...reads]);
  };

  for (const field of fields) {
    const settings = field.settings ?? {};
    if (field.type === 'formula' && settings.formula !== undefined) {
      const fn = compile(settings.formula);
      const resultType = settings.resultType as FormulaResultType | undefined;
      addProducer(field.id, topVars(settings.formula), (scope) => {
        scope[field.id] = coerceResult(fn(scope), resultType);
      });
    }
    if (field.type === 'subtable') addColumnFormulas(field, addProducer, compile);
    if (field.type === 'rollup' && typeof settings.source === 'string') {
      const source = fields.find((f) => f.id === settings.source);
      if (source?.type === 'subtable') addRollup(field, source.id, addProducer, compile);
    }
  }
  for (const rule of form.logic ?? []) {
    if (rule.kind !== 'assign') continue;
    const when = rule.when === undefined ? null : compile(rule.when);
    const value = compile(rule.value);
    const reads = [...topVars(rule.value), ...(rule.when === undefined ? [] : topVars(rule.when))];
    addProducer(
      rule.field,
      reads.filter((r) => r !== rule.field),
      (scope) => {
        if (when === null || truthy(when(scope))) scope[rule.field] = value(scope) ?? null;
      },
    );
  }
  const order = dependencyOrder([...producerByNode.keys()], deps);
  const producers = order.flatMap((node) => producerByNode.get(node)!);

  const byKind = (kind: 'visible' | 'required' | 'readonly') => {
    const map = new Map<string, CompiledRule[]>();
    for (const rule of form.logic ?? []) {
      if (rule.kind !== kind) continue;
      const fn = compile(rule.when);
      for (const id of rule.fields) map.set(id, [...(map.get(id) ?? []), fn]);
    }
    return map;
  };
  const validations: CompiledFormLogic['validations'] = [];
  for (const rule of form.logic ?? []) {
    if (rule.kind === 'validate') {
      validations.push({ id: rule.id, when: compile(rule.when), fields: rule.fields ?? [], message: rule.message });
    }
  }
  const defaultDeps = new Map<string, string[]>();
  const withDefaults = fields.filter((f) => f.defaultValue !== undefined || f.defaultFormula !== undefined);
  for (const f of withDefaults) if (f.defaultFormula !== undefined) defaultDeps.set(f.id, topVars(f.defaultFormula));
  const defaultOrder = dependencyOrder(
    withDefaults.map((f) => f.id),
    defaultDeps,
  );
  const defaults = defaultOrder.map((id) => {
    const field = withDefaults.find((f) => f.id === id)!;
    return field.defaultFormula !== undefined
      ? { field, formula: compile(field.defaultFormula) }
      : { field, value: field.defaultValue as JsonValue };
  });
  const visible = byKind('visible');
  const required = byKind('required');
  const readonly = byKind('readonly');
  const compiled: CompiledFormLogic = {
    form,
    producers,
    visible,
    required,
    readonly,
    validations,
    defaults,
    readsContext: readsContext(form),
    isStatic: producers.length === 0 && visible.size + required.size + readonly.size + validations.length === 0,
  };
  return compiled;
}

function addColumnFormulas(
  subtable: FieldDef,
  add: (node: string, reads: string[], run: Producer['run']) => void,
  compile: (rule: Rule) => CompiledRule,
): void {
  const columns = (Array.isArray(subtable.settings?.fields) ? subtable.settings.fields : []) as unknown as FieldDef[];
  const formulas = columns.filter((c) => c.type === 'formula' && c.settings?.formula !== undefined);
  if (formulas.length === 0) return;
  const columnIds = new Set(columns.map((c) => c.id));
  const compiled = formulas.map((c) => ({
    id: c.id,
    fn: compile(c.settings!.formula!),
    resultType: c.settings!.resultType as FormulaResultType | undefined,
  }));
  const reads = formulas.flatMap((c) => topVars(c.settings!.formula!)).filter((v) => !columnIds.has(v));
  add(subtable.id, reads, (scope) => {
    const rows = scope[subtable.id];
    if (!Array.isArray(rows)) return;
    scope[subtable.id] = asRows(rows).map((row) => {
      const rowScope: Scope = { ...scope, ...row };
      const out: Scope = { ...row };
      for (const c of compiled) out[c.id] = rowScope[c.id] = coerceResult(c.fn(rowScope), c.resultType);
      return out;
    });
  });
}

function addRollup(
  rollup: FieldDef,
  sourceId: string,
  add: (node: string, reads: string[], run: Producer['run']) => void,
  compile: (rule: Rule) => CompiledRule,
) {
  const settings = rollup.settings ?? {};
  const column = typeof settings.field === 'string' ? settings.field : undefined;
  const agg = (settings.aggregation ?? 'count') as RollupAggregation;
  const condition = settings.condition === undefined ? null : compile(settings.condition);
  add(rollup.id, [sourceId], (scope) => {
    let rows = asRows(scope[sourceId]);
    if (condition !== null) rows = rows.filter((row) => truthy(condition({ ...scope, ...row })));
    scope[rollup.id] = aggregateRows(rows, column, agg);
  });
}

/** Whether any rule of the form (logic, formulas, defaults, rollup conditions) reads a context value. */
function readsContext(form: FormDef): boolean {
  const rules: Rule[] = [];
  const collect = (fields: readonly FieldDef[]) => {
    for (const f of fields) {
      if (f.defaultFormula !== undefined) rules.push(f.defaultFormula);
      if (f.settings?.formula !== undefined) rules.push(f.settings.formula);
      if (f.settings?.condition !== undefined) rules.push(f.settings.condition);
      if (f.type === 'subtable' && Array.isArray(f.settings?.fields))
        collect(f.settings.fields as unknown as FieldDef[]);
    }
  };
  collect(form.fields);
  for (const rule of form.logic ?? []) {
    if (rule.kind === 'assign') rules.push(rule.value);
    if (rule.when !== undefined) rules.push(rule.when);
  }
  // `$` vars and the `today` / `now` operators (which read `$today` / `$now`) need the context.
  return rules.some(
    (rule) => topVars(rule).some((v) => v.startsWith('$')) || /"(today|now)":/.test(JSON.stringify(rule)),
  );
}
