import { fieldSettingsSchemas } from '@formflow/schema';
import type { JsonValue } from '@formflow/schema';
import { foldText, normalizeText } from '../text/index.js';
import type { FieldTypeDef } from './field-type.js';
import { TEXT_OPERATORS } from './support/operators.js';
import { staticDefault } from './support/static-default.js';

/** Local part and domain as ajv-formats' `email` accepts them (ASCII). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** No upper-case letter and no surrounding space: the stored form already. */
const CANONICAL = /^[^A-Z\s](?:[^A-Z]*[^A-Z\s])?$/;

function canonical(text: string): string {
  if (CANONICAL.test(text)) return normalizeText(text);
  const t = normalizeText(text.trim());
  const at = t.lastIndexOf('@');
  return at < 0 ? t : t.slice(0, at) + t.slice(at).toLowerCase();
}

/** 邮箱. Value: an address of at most 254 characters, domain lower-cased by normalize (the local part is kept). */
export const emailField: FieldTypeDef = {
  type: 'email',
  storage: 'text',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.email,
  valueSchema: () => ({ type: 'string', format: 'email', maxLength: 254 }),
  defaultValue: staticDefault,
  parse(text) {
    const t = canonical(text.replace(/^mailto:/i, ''));
    if (t === '') return { ok: true, value: null };
    if (t.length > 254 || !EMAIL.test(t)) {
      return { ok: false, code: 'INVALID_EMAIL', message: `"${text.trim()}" is not an email address` };
    }
    return { ok: true, value: t };
  },
  format: (value) => (typeof value === 'string' ? value : ''),
  sortKey: (value) => (typeof value === 'string' && value !== '' ? foldText(value) : null),
  operators: TEXT_OPERATORS,
  normalize: (value: JsonValue) => (typeof value === 'string' ? canonical(value) : value),
};
