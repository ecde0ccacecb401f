import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../field.js';
import { fieldSettingsSchemas } from './index.js';

const ajv = new Ajv({ strict: true, allErrors: true });

describe('fieldSettingsSchemas', () => {
  it('has a strict-clean, closed schema for every field type', () => {
    expect(Object.keys(fieldSettingsSchemas).sort()).toEqual([...FIELD_TYPES].sort());
    for (const type of FIELD_TYPES) {
      const schema = fieldSettingsSchemas[type];
      expect(() => ajv.compile(schema), type).not.toThrow();
      expect(schema['additionalProperties'], type).toBe(false);
    }
  });
  it('accepts documented settings and rejects unknown keys', () => {
    const select = ajv.compile(fieldSettingsSchemas.select);
    expect(select({ options: [{ id: 'lead', label: { 'zh-CN': '线索', en: 'Lead' }, color: '#f00' }] })).toBe(true);
    expect(select({ options: [], colour: 'red' })).toBe(false);
    expect(select({ options: [{ id: '1bad', label: 'x' }] })).toBe(false);
    const subtable = ajv.compile(fieldSettingsSchemas.subtable);
    expect(subtable({ fields: [{ id: 'qty', type: 'number', label: '数量' }], maxRows: 50 })).toBe(true);
    expect(subtable({ fields: [{ id: 'rows', type: 'subtable', label: 'nested' }] })).toBe(false);
    const rollup = ajv.compile(fieldSettingsSchemas.rollup);
    expect(
      rollup({ source: 'items', field: 'amount', aggregation: 'sum', condition: { '>': [{ var: 'qty' }, 0] } }),
    ).toBe(true);
    expect(rollup({ source: 'items', aggregation: 'median' })).toBe(false);
    const attachment = ajv.compile(fieldSettingsSchemas.attachment);
    expect(attachment({ maxFiles: 3, maxSizeMb: 20, accept: ['.pdf', 'image/*', 'application/pdf'] })).toBe(true);
    expect(attachment({ accept: ['pdf'] })).toBe(false);
  });
});
