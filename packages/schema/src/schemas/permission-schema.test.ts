import { describe, expect, it } from 'vitest';
import { sampleCrmApp } from '../fixtures/index.js';
import { validateDefinition } from '../validate/validate-definition.js';

const group = sampleCrmApp.permissionGroups![0]!;

describe('permission group principals', () => {
  it('accept server-generated member, department and role ids (UUIDs start with a digit)', () => {
    const principals = [
      { kind: 'member', id: '019a4c2e-7b1d-7c3e-9f00-1234567890ab' },
      { kind: 'department', id: '0f3c-dept', includeChildren: true },
      { kind: 'role', id: '7sales' },
    ];
    expect(validateDefinition({ ...group, principals }, 'permissionGroup')).toEqual([]);
  });

  it('still refuse ids with spaces, quotes or a leading dash', () => {
    for (const id of ['a b', "x'--", '-lead', '']) {
      const problems = validateDefinition({ ...group, principals: [{ kind: 'member', id }] }, 'permissionGroup');
      expect(problems.length, id).toBeGreaterThan(0);
    }
  });
});
