import type { JsonValue } from '@formflow/schema';
import type { RecordErrorCode } from './record-error.js';

type Params = { [key: string]: JsonValue };
type Catalogue = Record<RecordErrorCode, { 'zh-CN': (p: Params) => string; en: (p: Params) => string }>;

const s = (v: JsonValue | undefined): string => (v === undefined || v === null ? '' : String(v));

/** Error messages of record validation, in both first-class languages. `label` is the field label in that language. */
export const RECORD_ERROR_MESSAGES: Catalogue = {
  NOT_AN_OBJECT: { 'zh-CN': () => '数据必须是一个对象', en: () => 'the record data must be an object' },
  NESTING_TOO_DEEP: {
    'zh-CN': (p) => `数据嵌套过深（最多 ${s(p.max)} 层）`,
    en: (p) => `the data is nested too deeply (at most ${s(p.max)} levels)`,
  },
  TOO_LARGE: { 'zh-CN': (p) => `数据过大：${s(p.reason)}`, en: (p) => `the data is too large: ${s(p.reason)}` },
  FORBIDDEN_KEY: { 'zh-CN': (p) => `不允许的键名 "${s(p.key)}"`, en: (p) => `the key "${s(p.key)}" is not allowed` },
  UNKNOWN_FIELD: {
    'zh-CN': (p) => `表单中没有字段 "${s(p.key)}"`,
    en: (p) => `the form has no field "${s(p.key)}"`,
  },
  READONLY_FIELD: {
    'zh-CN': (p) => `「${s(p.label)}」由系统或公式计算，不能直接填写`,
    en: (p) => `"${s(p.label)}" is set by the system or a formula and cannot be written`,
  },
  REQUIRED: { 'zh-CN': (p) => `「${s(p.label)}」为必填项`, en: (p) => `"${s(p.label)}" is required` },
  TYPE_MISMATCH: {
    'zh-CN': (p) => `「${s(p.label)}」的值类型不正确，应为${s(p.expectedZh)}`,
    en: (p) => `"${s(p.label)}" must be ${s(p.expected)}`,
  },
  INVALID_CHARACTER: {
    'zh-CN': (p) => `「${s(p.label)}」包含无效字符`,
    en: (p) => `"${s(p.label)}" contains an invalid character (NUL or a broken surrogate)`,
  },
  TOO_LONG: {
    'zh-CN': (p) => `「${s(p.label)}」最多 ${s(p.limit)} 个字`,
    en: (p) => `"${s(p.label)}" must be at most ${s(p.limit)} characters`,
  },
  TOO_SHORT: {
    'zh-CN': (p) => `「${s(p.label)}」至少 ${s(p.limit)} 个字`,
    en: (p) => `"${s(p.label)}" must be at least ${s(p.limit)} characters`,
  },
  PATTERN_MISMATCH: {
    'zh-CN': (p) => `「${s(p.label)}」格式不正确`,
    en: (p) => `"${s(p.label)}" does not match the required format`,
  },
  INVALID_OPTION: {
    'zh-CN': (p) => `「${s(p.label)}」不是可选的选项`,
    en: (p) => `"${s(p.label)}" is not one of the options`,
  },
  INVALID_FORMAT: {
    'zh-CN': (p) => `「${s(p.label)}」不是有效的${s(p.formatZh)}`,
    en: (p) => `"${s(p.label)}" is not a valid ${s(p.format)}`,
  },
  TOO_SMALL: {
    'zh-CN': (p) => `「${s(p.label)}」不能小于 ${s(p.limit)}`,
    en: (p) => `"${s(p.label)}" must be at least ${s(p.limit)}`,
  },
  TOO_LARGE_VALUE: {
    'zh-CN': (p) => `「${s(p.label)}」不能大于 ${s(p.limit)}`,
    en: (p) => `"${s(p.label)}" must be at most ${s(p.limit)}`,
  },
  TOO_MANY_ITEMS: {
    'zh-CN': (p) => `「${s(p.label)}」最多 ${s(p.limit)} 项`,
    en: (p) => `"${s(p.label)}" allows at most ${s(p.limit)} items`,
  },
  TOO_FEW_ITEMS: {
    'zh-CN': (p) => `「${s(p.label)}」至少 ${s(p.limit)} 项`,
    en: (p) => `"${s(p.label)}" needs at least ${s(p.limit)} items`,
  },
  DUPLICATE_ITEMS: {
    'zh-CN': (p) => `「${s(p.label)}」包含重复项`,
    en: (p) => `"${s(p.label)}" contains duplicates`,
  },
  UNKNOWN_PROPERTY: {
    'zh-CN': (p) => `「${s(p.label)}」中有未知的属性 "${s(p.key)}"`,
    en: (p) => `"${s(p.label)}" has an unknown property "${s(p.key)}"`,
  },
  MISSING_PROPERTY: {
    'zh-CN': (p) => `「${s(p.label)}」缺少 "${s(p.key)}"`,
    en: (p) => `"${s(p.label)}" is missing "${s(p.key)}"`,
  },
  INVALID_VALUE: { 'zh-CN': (p) => `「${s(p.label)}」的值无效`, en: (p) => `"${s(p.label)}" has an invalid value` },
  RULE_FAILED: { 'zh-CN': (p) => s(p.messageZh), en: (p) => s(p.messageEn) },
  RULE_ERROR: {
    'zh-CN': (p) => `表单规则无法计算：${s(p.reason)}`,
    en: (p) => `a form rule could not be evaluated: ${s(p.reason)}`,
  },
};
