import { describe, expect, it } from 'vitest';
import { createFieldRegistry } from './registry.js';
import type { FieldTypeDef } from './field-type.js';

const fake = (type: FieldTypeDef['type']): FieldTypeDef => ({
  type,
  storage: 'text',
  source: 'user',
  settingsSchema: { type: 'object' },
  valueSchema: () => ({ type: 'string' }),
  defaultValue: () => null,
  parse: (text) => ({ ok: true, value: text }),
  format: (v) => String(v),
  sortKey: (v) => (typeof v === 'string' ? v : null),
  operators: ['eq'],
});

describe('createFieldRegistry', () => {
  it('rejects a type registered twice', () => {
    expect(() => createFieldRegistry([fake('text'), fake('text')])).toThrow(/registered twice/);
  });
  it('looks types up and rejects unknown ones', () => {
    const reg = createFieldRegistry([fake('text')]);
    expect(reg.get('text').type).toBe('text');
    expect(reg.has('number')).toBe(false);
    expect(() => reg.get('number')).toThrow(/unknown field type/);
  });
});
