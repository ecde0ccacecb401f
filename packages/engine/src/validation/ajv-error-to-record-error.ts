import type { ErrorObject } from 'ajv';
import { formatPath, pointerToPath } from '@formflow/schema';
import type { FieldDef } from '@formflow/schema';
import { makeError } from './make-error.js';
import type { RecordError } from './record-error.js';

const TYPE_NAMES_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  null: '空值',
};
const FORMAT_NAMES_ZH: Record<string, string> = {
  email: '邮箱地址',
  date: '日期',
  'date-time': '日期时间',
  uri: '网址',
  url: '网址',
};

/** Turns the first ajv error of a field value into a RecordError at `basePath` + the error's instance path. */
export function ajvErrorToRecordError(error: ErrorObject, field: FieldDef, basePath: (string | number)[]): RecordError {
  const inner = pointerToPath(error.instancePath);
  const head = formatPath(basePath);
  const path = inner === '' ? head : inner.startsWith('[') ? head + inner : `${head}.${inner}`;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = String(p.type);
      return makeError('TYPE_MISMATCH', field, path, { expected, expectedZh: TYPE_NAMES_ZH[expected] ?? expected });
    }
    case 'cleanText':
      return makeError('INVALID_CHARACTER', field, path);
    case 'maxGraphemes':
    case 'maxLength':
      return makeError('TOO_LONG', field, path, { limit: Number(error.schema) });
    case 'minGraphemes':
    case 'minLength':
      return makeError('TOO_SHORT', field, path, { limit: Number(error.schema) });
    case 'pattern':
      // The shape of a stored date-time is a format to the user, not a designer's pattern.
      if (field.type === 'datetime')
        return makeError('INVALID_FORMAT', field, path, { format: 'date-time', formatZh: '日期时间' });
      return makeError('PATTERN_MISMATCH', field, path);
    case 'enum':
    case 'const':
      return makeError('INVALID_OPTION', field, path);
    case 'format': {
      const format = String(p.format);
      return makeError('INVALID_FORMAT', field, path, { format, formatZh: FORMAT_NAMES_ZH[format] ?? format });
    }
    case 'instant':
      return makeError('INVALID_FORMAT', field, path, { format: 'date-time', formatZh: '日期时间' });
    case 'calendarDate':
      return makeError('INVALID_FORMAT', field, path, { format: 'date', formatZh: '日期' });
    case 'dateMinimum':
      return makeError('TOO_SMALL', field, path, { limit: String(error.schema) });
    case 'dateMaximum':
      return makeError('TOO_LARGE_VALUE', field, path, { limit: String(error.schema) });
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return makeError('TOO_SMALL', field, path, { limit: String(p.limit) });
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return makeError('TOO_LARGE_VALUE', field, path, { limit: String(p.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return makeError('TOO_SMALL', field, path, { limit: Number(p.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return makeError('TOO_LARGE_VALUE', field, path, { limit: Number(p.limit) });
    case 'maxItems':
      return makeError('TOO_MANY_ITEMS', field, path, { limit: Number(p.limit) });
    case 'minItems':
      return makeError('TOO_FEW_ITEMS', field, path, { limit: Number(p.limit) });
    case 'uniqueItems':
      return makeError('DUPLICATE_ITEMS', field, path);
    case 'additionalProperties':
      return makeError('UNKNOWN_PROPERTY', field, path, { key: String(p.additionalProperty) });
    case 'required':
      return makeError('MISSING_PROPERTY', field, path, { key: String(p.missingProperty) });
    default:
      return makeError('INVALID_VALUE', field, path, { keyword: error.keyword });
  }
}
