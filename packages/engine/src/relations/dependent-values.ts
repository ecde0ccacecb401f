import type { FieldDef, FormDef, JsonValue, Rule } from '@formflow/schema';
import { evaluateForm } from '../logic/evaluate-form.js';
import type { LogicContext } from '../logic/logic-context.js';
import { ruleVars } from '../rules/index.js';
import { sameJsonValue } from '../validation/same-json-value.js';

/** Field id → the top-level fields its computed value reads, for the form engine's producers (formulas, sub-tables). */
const graphs = new WeakMap<FormDef, Map<string, Set<string>>>();

function topVarsOf(rule: Rule | undefined): string[] {
  if (rule === undefined) return [];
  try {
    return ruleVars(rule).map((path) => path.split('.')[0]!);
  } catch {
    return [];
  }
}

function producerGraph(form: FormDef): Map<string, Set<string>> {
  const hit = graphs.get(form);
  if (hit) return hit;
  const graph = new Map<string, Set<string>>();
  for (const field of form.fields) {
    if (field.deleted) continue;
    const settings = field.settings ?? {};
    if (field.type === 'formula') graph.set(field.id, new Set(topVarsOf(settings.formula as Rule | undefined)));
    if (field.type === 'rollup' && typeof settings.source === 'string') {
      const source = form.fields.find((f) => f.id === settings.source && !f.deleted);
      if (source?.type === 'subtable') graph.set(field.id, new Set([source.id]));
    }
    if (field.type === 'subtable') {
      const columns = Array.isArray(settings.fields) ? (settings.fields as unknown as FieldDef[]) : [];
      const formulas = columns.filter((c) => c.type === 'formula' && !c.deleted);
      if (formulas.length === 0) continue;
      const ids = new Set(columns.map((c) => c.id));
      const reads = formulas.flatMap((c) => topVarsOf(c.settings?.formula as Rule | undefined));
      graph.set(field.id, new Set(reads.filter((id) => !ids.has(id))));
    }
  }
  graphs.set(form, graph);
  return graph;
}

/**
 * After the server changed derived values (`changed`: top-level field ids), brings the form engine's computed values
 * that read them up to date: formulas, sub-table column formulas and sub-table rollups, transitively. Other values
 * (value-linkage rules, which belong to the person filling the form) are left as stored. Mutates `values`, adds the
 * ids it changed to `changed`. A rule that cannot be evaluated leaves the values as they were.
 */
export function refreshDependentValues(
  form: FormDef,
  values: Record<string, JsonValue>,
  changed: Set<string>,
  context: LogicContext = {},
): void {
  if (changed.size === 0) return;
  const graph = producerGraph(form);
  const affected = new Set<string>();
  for (const id of changed) if (graph.has(id)) affected.add(id);
  const reached = new Set(changed);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, reads] of graph) {
      if (reached.has(id)) continue;
      if ([...reads].some((r) => reached.has(r))) {
        reached.add(id);
        affected.add(id);
        grew = true;
      }
    }
  }
  if (affected.size === 0) return;
  let computed: Record<string, JsonValue>;
  try {
    computed = evaluateForm(form, values, context).values;
  } catch {
    return;
  }
  for (const id of affected) {
    const next = computed[id] ?? null;
    if (!sameJsonValue(values[id] ?? null, next)) {
      values[id] = next;
      changed.add(id);
    }
  }
}
