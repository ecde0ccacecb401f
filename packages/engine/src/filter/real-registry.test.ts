import type { FieldDef, FilterNode, FormDef } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { fieldRegistry } from '../fields/index.js';
import { checkFilter } from './check-filter.js';
import { compileFilter } from './compile-filter.js';
import { compileSort } from './compile-sort.js';
import { fieldKind } from './field-kind.js';
import { kindSupports } from './kind-operators.js';
import { ctxAt } from './test-form.js';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id }));

const form: FormDef = {
  id: 'deals',
  name: 'Deals',
  fields: [
    { id: 'name', type: 'text', label: 'Name' },
    { id: 'amount', type: 'money', label: 'Amount' },
    { id: 'closeOn', type: 'date', label: 'Close date' },
    { id: 'meetAt', type: 'datetime', label: 'Meeting' },
    { id: 'stage', type: 'select', label: 'Stage', settings: { options: options('lead', 'won', 'lost') } },
    { id: 'tags', type: 'multiselect', label: 'Tags', settings: { options: options('a', 'b') } },
    { id: 'owner', type: 'member', label: 'Owner' },
    { id: 'dept', type: 'department', label: 'Department' },
    { id: 'vip', type: 'boolean', label: 'VIP' },
    { id: 'intro', type: 'section', label: 'Intro' },
    { id: 'due', type: 'formula', label: 'Due', settings: { resultType: 'date' } },
    { id: 'score', type: 'formula', label: 'Score' },
  ],
};

const rows = [
  {
    id: 1,
    name: 'Ärger GmbH',
    amount: 1200,
    closeOn: '2025-03-02',
    stage: 'won',
    tags: ['a'],
    owner: 'm1',
    vip: true,
    due: '2025-03-02',
    score: 3,
  },
  { id: 2, name: 'acme', amount: 50, closeOn: '2025-02-01', stage: 'lead', tags: ['a', 'b'], owner: 'm2' },
  { id: 3, name: 'Beta', amount: null, stage: null, tags: [], owner: 'm1', vip: false },
  { id: 4, name: 'ärger ag', amount: 1200, closeOn: '2025-03-01', meetAt: '2025-03-01T16:30:00Z', stage: 'lost' },
];
const ctx = ctxAt('2025-03-02T10:00:00+08:00', 'Asia/Shanghai', { memberId: 'm1', departmentIds: ['d1'] });

describe('filters over the real field registry', () => {
  it('gives a meaning to every operator each field type lists', () => {
    const variants: FieldDef[] = fieldRegistry.all().flatMap((def) => {
      const field: FieldDef = { id: 'f', type: def.type, label: 'F' };
      return ['member', 'department', 'relation'].includes(def.type)
        ? [field, { ...field, settings: { multiple: true } }]
        : [field];
    });
    const gaps: string[] = [];
    for (const field of variants) {
      // A formula offers the union over result types; each result type is covered by its own type here.
      if (field.type === 'formula') continue;
      const kind = fieldKind(field);
      for (const op of fieldRegistry.get(field.type).operators) {
        if (!kindSupports(field, kind, op)) gaps.push(`${field.type}${field.settings ? '(multiple)' : ''}:${op}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('filters and sorts a small CRM form', () => {
    const run = (node: FilterNode) =>
      rows.filter((r) => compileFilter(node, form, fieldRegistry)(r, ctx)).map((r) => r.id);
    expect(run({ field: 'name', op: 'contains', value: 'ÄRGER' })).toEqual([1, 4]);
    expect(run({ field: 'stage', op: 'neq', value: 'won' })).toEqual([2, 3, 4]);
    expect(run({ field: 'amount', op: 'between', value: [100, 2000] })).toEqual([1, 4]);
    expect(run({ field: 'closeOn', op: 'isToday' })).toEqual([1]);
    expect(run({ field: 'meetAt', op: 'isToday' })).toEqual([4]);
    expect(run({ field: 'tags', op: 'hasAll', value: ['a', 'b'] })).toEqual([2]);
    expect(run({ field: 'vip', op: 'eq', value: false })).toEqual([3]);
    expect(run({ field: 'vip', op: 'isEmpty' })).toEqual([2, 4]);
    expect(run({ field: 'due', op: 'isThisWeek' })).toEqual([1]);
    expect(run({ field: 'score', op: 'gte', value: 3 })).toEqual([1]);
    expect(
      run({
        or: [
          { field: 'owner', op: 'eq', value: 'm2' },
          { field: 'tags', op: 'isEmpty' },
        ],
      }),
    ).toEqual([2, 3, 4]);
    const sorted = [...rows].sort(
      compileSort(
        [
          { field: 'amount', direction: 'desc' },
          { field: 'stage', direction: 'asc' },
        ],
        form,
        fieldRegistry,
      ),
    );
    expect(sorted.map((r) => r.id)).toEqual([1, 4, 2, 3]);
  });

  it('rejects layout fields and unsupported operators', () => {
    expect(checkFilter({ field: 'intro', op: 'isEmpty' }, form, fieldRegistry)[0]?.code).toBe('FIELD_NOT_FILTERABLE');
    expect(checkFilter({ field: 'name', op: 'gt', value: 'a' }, form, fieldRegistry)[0]?.code).toBe(
      'OPERATOR_NOT_SUPPORTED',
    );
    expect(checkFilter({ field: 'score', op: 'isToday' }, form, fieldRegistry)[0]?.code).toBe('OPERATOR_NOT_SUPPORTED');
  });

  it('supports isCurrentMember / isCurrentDepartment (permission row filters)', () => {
    const mine = compileFilter({ field: 'owner', op: 'isCurrentMember' }, form, fieldRegistry);
    expect(rows.filter((r) => mine(r, ctx)).map((r) => r.id)).toEqual([1, 3]);
    const ours = compileFilter({ field: 'dept', op: 'isCurrentDepartment' }, form, fieldRegistry);
    expect(ours({ dept: 'd1' }, ctx)).toBe(true);
    expect(ours({ dept: 'd2' }, ctx)).toBe(false);
  });
});
