import type { FilterOperator } from '@formflow/schema';
import type { FilterContext, ValuePredicate } from './types.js';

function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string');
}

function departmentSet(): (ctx: FilterContext) => ReadonlySet<string> {
  let last: readonly string[] | undefined;
  let set: ReadonlySet<string> = new Set();
  return (ctx) => {
    if (ctx.departmentIds !== last) {
      last = ctx.departmentIds;
      set = new Set(last ?? []);
    }
    return set;
  };
}

/**
 * Select options, multi-select, member, department and relation values, seen as a set of ids (a single value is a
 * set of one). eq → the same set; in / hasAny → shares an id; hasAll → holds every id; contains → holds this id;
 * isCurrentMember → holds ctx.memberId; isCurrentDepartment → holds one of ctx.departmentIds. Called on non-empty
 * values only; the caller negates for neq / notIn / hasNone / notContains.
 */
export function compileIdSet(op: FilterOperator, operand: unknown): ValuePredicate {
  switch (op) {
    case 'eq':
    case 'neq': {
      const want = new Set(idsOf(operand));
      return (value) => {
        const have = new Set(idsOf(value));
        if (have.size !== want.size) return false;
        for (const id of have) if (!want.has(id)) return false;
        return true;
      };
    }
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasNone': {
      const want = new Set(idsOf(operand));
      return (value) => idsOf(value).some((id) => want.has(id));
    }
    case 'hasAll': {
      const want = [...new Set(idsOf(operand))];
      return (value) => {
        const have = new Set(idsOf(value));
        return want.every((id) => have.has(id));
      };
    }
    case 'contains':
    case 'notContains':
      return (value) => idsOf(value).includes(operand as string);
    case 'isCurrentMember':
      return (value, ctx) => ctx.memberId !== undefined && idsOf(value).includes(ctx.memberId);
    case 'isCurrentDepartment': {
      const departments = departmentSet();
      return (value, ctx) => {
        const set = departments(ctx);
        return idsOf(value).some((id) => set.has(id));
      };
    }
    default:
      throw new Error(`compileIdSet: unexpected operator ${op}`);
  }
}
