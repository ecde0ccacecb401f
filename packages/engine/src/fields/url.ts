import { fieldSettingsSchemas } from '@formflow/schema';
import { findInvalidCharacter, foldText, normalizeText } from '../text/index.js';
import type { FieldTypeDef } from './field-type.js';
import { TEXT_OPERATORS } from './support/operators.js';
import { staticDefault } from './support/static-default.js';

/** http(s) scheme (any case), a host without spaces, then an optional path/query/fragment. */
const URL_PATTERN = '^[hH][tT][tT][pP][sS]?://[^\\s/?#@]+(@[^\\s/?#@]+)?([/?#]\\S*)?$';
const URL_RE = new RegExp(URL_PATTERN, 'u');
const BARE_HOST = /^(www\.|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]|$))/u;

/** Lower-case scheme, printable ASCII, no surrounding space: already normalised. */
const CANONICAL_URL = /^https?:\/\/[!-~]*$/;

function lowerScheme(url: string): string {
  return url.replace(/^[a-z]+:/i, (s) => s.toLowerCase());
}

/**
 * 网址. Value: an http or https URL (at most 2048 characters). `javascript:`, `data:`, `file:` and other schemes are
 * rejected (RELIABILITY I2). Parse adds `https://` to a bare host (`www.example.com`, `example.cn/a`).
 */
export const urlField: FieldTypeDef = {
  type: 'url',
  storage: 'text',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.url,
  valueSchema: () => ({ type: 'string', maxLength: 2048, cleanText: true, pattern: URL_PATTERN }),
  defaultValue: staticDefault,
  parse(text) {
    let t = normalizeText(text.trim());
    if (t === '') return { ok: true, value: null };
    if (!/^[a-z][a-z0-9+.-]*:/i.test(t) && BARE_HOST.test(t)) t = `https://${t}`;
    if (!/^https?:\/\//i.test(t)) {
      return { ok: false, code: 'INVALID_URL', message: `"${text.trim()}": only http and https links are allowed` };
    }
    if (t.length > 2048 || findInvalidCharacter(t) || !URL_RE.test(t)) {
      return { ok: false, code: 'INVALID_URL', message: `"${text.trim()}" is not a valid link` };
    }
    return { ok: true, value: lowerScheme(t) };
  },
  format: (value) => (typeof value === 'string' ? value : ''),
  sortKey: (value) => (typeof value === 'string' && value !== '' ? foldText(value) : null),
  operators: TEXT_OPERATORS,
  normalize: (value) =>
    typeof value !== 'string' || CANONICAL_URL.test(value) ? value : lowerScheme(normalizeText(value.trim())),
};
