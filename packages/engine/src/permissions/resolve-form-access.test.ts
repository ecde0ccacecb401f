import { describe, expect, it } from 'vitest';
import type { FormDef, PermissionGroupDef } from '@formflow/schema';
import { resolveFormAccess } from './resolve-form-access.js';
import type { Viewer } from './types.js';

const form: FormDef = {
  id: 'deals',
  name: 'Deals',
  fields: ['name', 'owner', 'salary', 'status'].map((id) => ({ id, type: 'text', label: id })),
};
const viewer: Viewer = {
  memberId: 'm1',
  role: 'member',
  departmentIds: ['d1'],
  departmentAncestorIds: ['d1', 'root'],
  departmentScopeIds: ['d1'],
  roleIds: ['sales'],
};
const group = (id: string, rest: Partial<PermissionGroupDef>): PermissionGroupDef => ({
  id,
  formId: 'deals',
  name: id,
  principals: [{ kind: 'role', id: 'sales' }],
  actions: ['view'],
  ...rest,
});
const mine = { field: 'owner', op: 'isCurrentMember' } as const;

describe('resolveFormAccess: groups never leak through each other (review findings #2, #3)', () => {
  it('a field hidden by a group reaching every row stays hidden although a row-limited group shows it', () => {
    const access = resolveFormAccess(
      form,
      [
        group('all', { actions: ['view', 'edit'], fields: { salary: 'hidden', status: 'read' } }),
        group('own', { actions: ['view', 'submit'], rowFilter: mine }),
      ],
      viewer,
    );
    expect(access.readable.has('salary')).toBe(false);
    expect(access.readable.has('name')).toBe(true);
    expect(access.rowFilters.view).toBeNull();
  });

  it('a submit-only grant never becomes write access for edits', () => {
    const access = resolveFormAccess(
      form,
      [
        group('all', { actions: ['view', 'edit'], fields: { salary: 'hidden', status: 'read' } }),
        group('own', { actions: ['view', 'submit'], rowFilter: mine }),
      ],
      viewer,
    );
    expect(access.writableFor.edit.has('status')).toBe(false);
    expect(access.writableFor.submit.has('status')).toBe(true);
    expect(access.writable.has('status')).toBe(true);
  });

  it('a group reaching every row grants its fields on every row; row-limited groups must all agree', () => {
    const unlimited = resolveFormAccess(
      form,
      [group('a', { fields: { salary: 'hidden' }, rowFilter: mine }), group('b', {})],
      viewer,
    );
    expect(unlimited.readable.has('salary')).toBe(true);
    const limited = resolveFormAccess(
      form,
      [
        group('a', { fields: { salary: 'hidden' }, rowFilter: mine }),
        group('b', { rowFilter: { field: 'status', op: 'eq', value: 'open' } }),
      ],
      viewer,
    );
    expect(limited.readable.has('salary')).toBe(false);
    expect(limited.rowFilters.view).toEqual({ or: [mine, { field: 'status', op: 'eq', value: 'open' }] });
  });

  it('export columns come from the groups granting export only', () => {
    const access = resolveFormAccess(
      form,
      [group('viewers', {}), group('exporters', { actions: ['export'], fields: { salary: 'hidden' } })],
      viewer,
    );
    expect(access.readable.has('salary')).toBe(true);
    expect(access.exportable.has('salary')).toBe(false);
    expect(access.exportable.has('name')).toBe(true);
  });

  it('owners, admins and manage groups get everything', () => {
    for (const role of ['owner', 'admin'] as const) {
      const access = resolveFormAccess(form, [], { ...viewer, role });
      expect(access.full).toBe(true);
      expect(access.writableFor.edit.size).toBe(4);
    }
    expect(resolveFormAccess(form, [group('m', { actions: ['manage'], rowFilter: mine })], viewer).full).toBe(true);
  });

  it('no matching group: nothing at all', () => {
    const access = resolveFormAccess(form, [group('x', { principals: [{ kind: 'role', id: 'other' }] })], viewer);
    expect(access.actions.size).toBe(0);
    expect(access.readable.size).toBe(0);
    expect(access.writable.size).toBe(0);
  });
});
