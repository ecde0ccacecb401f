import type { FilterNode, FilterOperator, FormDef } from '@formflow/schema';
import type { FieldRegistry } from '../fields/registry.js';
import { checkFilter } from './check-filter.js';
import { compileCondition } from './compile-condition.js';
import { FilterError } from './filter-error.js';
import { ownValue } from './own-value.js';
import { resolveFilterField } from './resolve-filter-field.js';
import type { CompiledFilter } from './types.js';

function compileNode(node: FilterNode, form: FormDef): CompiledFilter {
  if ('and' in node) {
    const parts = node.and.map((child) => compileNode(child, form));
    return (data, ctx) => {
      for (const part of parts) if (!part(data, ctx)) return false;
      return true;
    };
  }
  if ('or' in node) {
    const parts = node.or.map((child) => compileNode(child, form));
    return (data, ctx) => {
      for (const part of parts) if (part(data, ctx)) return true;
      return false;
    };
  }
  const resolved = resolveFilterField(node.field, form);
  if (!resolved.ok) throw new Error(`compileFilter: unknown field ${node.field}`);
  const test = compileCondition(resolved.field, node.op as FilterOperator, node.value);
  const { subtable, field } = resolved;
  if (!subtable) {
    const id = field.id;
    return (data, ctx) => test(ownValue(data, id), ctx);
  }
  const subId = subtable.id;
  const colId = field.id;
  return (data, ctx) => {
    const rows = ownValue(data, subId);
    return Array.isArray(rows) && rows.some((row: unknown) => test(ownValue(row, colId), ctx));
  };
}

/**
 * Checks a filter against the form (throwing `FilterError` with the problems if it fails) and compiles it once into
 * closures: the returned function does no parsing per record. See README.md for the semantics of each operator.
 */
export function compileFilter(filter: FilterNode, form: FormDef, registry: FieldRegistry): CompiledFilter {
  const problems = checkFilter(filter, form, registry);
  if (problems.length > 0) throw new FilterError(problems);
  return compileNode(filter, form);
}
