import { Ajv, type ErrorObject } from 'ajv';
import { checkJsonSafety, parseDefinitionJson } from '@formflow/schema';
import type { ImportOptions } from './import-task.js';

export const importOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['mode'],
  properties: {
    mode: { enum: ['allOrNothing', 'validRowsOnly'] },
    mapping: {
      type: 'object',
      maxProperties: 500,
      propertyNames: { maxLength: 200 },
      additionalProperties: { anyOf: [{ type: 'string', minLength: 1, maxLength: 200 }, { type: 'null' }] },
    },
    dedupe: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'onDuplicate'],
      properties: {
        field: { type: 'string', minLength: 1, maxLength: 200 },
        onDuplicate: { enum: ['update', 'skip'] },
      },
    },
    encoding: { enum: ['utf-8', 'gb18030', 'latin1'] },
    delimiter: { enum: [',', ';', '\t'] },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(importOptionsSchema);

export type OptionsProblem = { path: string; code: string; message: string };

function problemOf(error: ErrorObject): OptionsProblem {
  const pointer = error.instancePath.split('/').filter(Boolean).join('.');
  const extra =
    error.keyword === 'additionalProperties'
      ? String(error.params['additionalProperty'] ?? '')
      : error.keyword === 'required'
        ? String(error.params['missingProperty'] ?? '')
        : '';
  const path = ['options', pointer, extra].filter(Boolean).join('.');
  const code =
    error.keyword === 'additionalProperties'
      ? 'UNKNOWN_PROPERTY'
      : error.keyword === 'required'
        ? 'REQUIRED'
        : error.keyword === 'type'
          ? 'INVALID_TYPE'
          : 'INVALID_VALUE';
  return { path, code, message: `${path} ${error.message ?? 'is invalid'}` };
}

/**
 * The `options` part of an import upload: JSON text (or what multipart already parsed), checked strictly (unknown
 * keys, `__proto__`, wrong types → problems with their path). Absent options mean `{ mode: 'allOrNothing' }`.
 */
export function parseImportOptions(
  raw: unknown,
): { ok: true; options: ImportOptions } | { ok: false; problems: OptionsProblem[] } {
  let value: unknown = raw;
  if (raw === undefined || raw === '') value = { mode: 'allOrNothing' };
  else if (typeof raw === 'string') {
    const parsed = parseDefinitionJson(raw);
    if (!parsed.ok) {
      return {
        ok: false,
        problems: parsed.problems.map((p) => ({
          path: `options${p.path ? `.${p.path}` : ''}`,
          code: p.code,
          message: p.message,
        })),
      };
    }
    value = parsed.value;
  }
  const unsafe = checkJsonSafety(value);
  if (unsafe.length > 0) {
    return {
      ok: false,
      problems: unsafe.map((p) => ({ path: `options${p.path ? `.${p.path}` : ''}`, code: p.code, message: p.message })),
    };
  }
  if (!validate(value)) return { ok: false, problems: (validate.errors ?? []).map(problemOf) };
  const v = value as {
    mode: ImportOptions['mode'];
    mapping?: Record<string, string | null>;
    dedupe?: { field: string; onDuplicate: 'update' | 'skip' };
    encoding?: ImportOptions['encoding'];
    delimiter?: ImportOptions['delimiter'];
  };
  const mapping = v.mapping
    ? (Object.assign(Object.create(null), v.mapping) as Record<string, string | null>)
    : undefined;
  return {
    ok: true,
    options: {
      mode: v.mode,
      ...(mapping ? { mapping } : {}),
      ...(v.dedupe ? { dedupe: { fieldId: v.dedupe.field, onDuplicate: v.dedupe.onDuplicate } } : {}),
      ...(v.encoding ? { encoding: v.encoding } : {}),
      ...(v.delimiter ? { delimiter: v.delimiter } : {}),
    },
  };
}
