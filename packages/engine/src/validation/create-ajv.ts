import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findInvalidCharacter, graphemeLength } from '../text/index.js';

// ajv-formats is CommonJS; its default export arrives as the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/**
 * The one ajv configuration behind every value schema of field types (browser and server alike).
 * `$data` stays off (RELIABILITY I5); `allErrors` is off because a field reports its first problem.
 * Custom keywords, used by field types' value schemas:
 * - `maxGraphemes` / `minGraphemes`: text length in user-perceived characters (RELIABILITY K2), not UTF-16 units;
 * - `cleanText`: no NUL and no lone surrogate (RELIABILITY K3).
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: true, $data: false, messages: false, validateFormats: true });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'maxGraphemes',
    type: 'string',
    schemaType: 'number',
    errors: false,
    compile: (max: number) => (data: string) => data.length <= max || graphemeLength(data) <= max,
  });
  ajv.addKeyword({
    keyword: 'minGraphemes',
    type: 'string',
    schemaType: 'number',
    errors: false,
    compile: (min: number) => (data: string) => graphemeLength(data) >= min,
  });
  ajv.addKeyword({
    keyword: 'cleanText',
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    compile: (on: boolean) => (data: string) => !on || findInvalidCharacter(data) === null,
  });
  return ajv;
}
