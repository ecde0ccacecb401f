import { Ajv, type AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../field.js';
import { fieldSettingsSchemas } from '../field-settings/index.js';
import { definitionSchemas, schemaId } from './index.js';

describe('definition schemas', () => {
  it('compile in ajv strict mode (every strict option on), with $data off', () => {
    const ajv = new Ajv({
      strict: true,
      strictRequired: true,
      strictTypes: true,
      strictTuples: true,
      allowUnionTypes: true,
      discriminator: true,
      allErrors: true,
    });
    ajv.addSchema(definitionSchemas as AnySchemaObject[]);
    for (const name of ['field', 'form', 'app', 'view', 'workflow', 'automation', 'dashboard', 'template']) {
      expect(() => ajv.getSchema(schemaId(name)), name).not.toThrow();
    }
    for (const type of FIELD_TYPES) {
      expect(() => ajv.compile(fieldSettingsSchemas[type] as AnySchemaObject), type).not.toThrow();
    }
  });

  it('forbid unknown properties in every object schema', () => {
    const open: string[] = [];
    const stack: { node: unknown; path: string }[] = definitionSchemas.map((s) => ({ node: s, path: String(s.$id) }));
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (typeof node !== 'object' || node === null) continue;
      const schema = node as Record<string, unknown>;
      if (schema.properties !== undefined && schema.additionalProperties === undefined && schema.if === undefined) {
        if (!path.endsWith('/if') && !path.includes('/then') && !path.includes('/else')) open.push(path);
      }
      for (const [key, child] of Object.entries(schema)) stack.push({ node: child, path: `${path}/${key}` });
    }
    expect(open).toEqual([]);
  });
});
