import type { JsonSchema } from '../json-schema.js';
import { DESCRIPTION_MAX, idSchema, localizedTextSchema, NAME_MAX, schemaId } from './common.js';

/** A relative path inside the template folder: no leading `/`, no `..` segment, no backslash. */
const RELATIVE_PATH = '^(?![/])(?!(.*/)?\\.\\.(/|$))[^\\\\\\u0000]+$';
const relativePath: JsonSchema = { type: 'string', pattern: RELATIVE_PATH, maxLength: 500 };

export const templateManifestSchema: JsonSchema = {
  $id: schemaId('template'),
  type: 'object',
  required: ['id', 'name', 'version', 'engine', 'app'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: localizedTextSchema(NAME_MAX),
    version: {
      type: 'string',
      pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$',
      maxLength: 100,
    },
    description: localizedTextSchema(DESCRIPTION_MAX, 0),
    engine: { type: 'string', minLength: 1, maxLength: 100 },
    app: relativePath,
    sampleData: { type: 'array', items: relativePath, maxItems: 100 },
    tests: relativePath,
    author: { type: 'string', maxLength: 200 },
    license: { type: 'string', maxLength: 100 },
    tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 50 }, maxItems: 30 },
  },
};
