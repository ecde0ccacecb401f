/** Messages of the record routes' own problem codes, in both first-class languages. */
type Params = Record<string, string | number>;
type Message = { 'zh-CN': (p: Params) => string; en: (p: Params) => string };

const q = (v: string | number | undefined) => JSON.stringify(String(v ?? ''));

export const RECORD_MESSAGES = {
  FIELD_NOT_WRITABLE: {
    'zh-CN': (p) => `你无权填写字段 ${q(p.field)}`,
    en: (p) => `you may not write the field ${q(p.field)}`,
  },
  ROW_NOT_ALLOWED: {
    'zh-CN': () => '你的权限只允许提交符合权限组数据范围的数据（例如负责人是你自己）',
    en: () => 'your permission groups let you submit only rows within their data range (for example, owner = you)',
  },
  FIELD_NOT_READABLE: {
    'zh-CN': (p) => `你无权查看字段 ${q(p.field)}`,
    en: (p) => `you may not read the field ${q(p.field)}`,
  },
  UNKNOWN_FIELD: {
    'zh-CN': (p) => `表单中没有字段 ${q(p.field)}`,
    en: (p) => `the form has no field ${q(p.field)}`,
  },
  UNIQUE_CONFLICT: {
    'zh-CN': (p) => `字段 ${q(p.field)} 的值已存在（查重），已有数据 ${q(p.existing)}`,
    en: (p) => `the value of ${q(p.field)} already exists (it must be unique) in record ${q(p.existing)}`,
  },
  DUPLICATE_IN_BATCH: {
    'zh-CN': (p) => `字段 ${q(p.field)} 的值与本批次 ${String(p.other)} 重复（查重）`,
    en: (p) => `the value of ${q(p.field)} repeats ${String(p.other)} of this batch (it must be unique)`,
  },
  VERSION_CONFLICT: {
    'zh-CN': (p) => `数据已被他人修改：你读取的是第 ${String(p.expected)} 版，当前是第 ${String(p.current)} 版`,
    en: (p) => `the record changed meanwhile: you read version ${String(p.expected)}, it is now ${String(p.current)}`,
  },
  PRECONDITION_REQUIRED: {
    'zh-CN': () => '修改数据需要 If-Match 请求头（读取时的版本，如 "3"）',
    en: () => 'changing a record needs an If-Match header with the version you read, like "3"',
  },
  INVALID_IF_MATCH: {
    'zh-CN': () => 'If-Match 请求头应为带引号的版本号，如 "3"',
    en: () => 'the If-Match header must be one quoted version number, like "3"',
  },
  NOT_FOUND_ITEM: {
    'zh-CN': () => '没有这条数据',
    en: () => 'no such record',
  },
  ACTION_FORBIDDEN: {
    'zh-CN': (p) => `你没有此表单的“${String(p.action)}”权限`,
    en: (p) => `you do not have the "${String(p.action)}" permission on this form`,
  },
  INVALID_CHARACTER: {
    'zh-CN': () => '内容包含无效字符（NUL 或残缺的代理对）',
    en: () => 'the text contains an invalid character (NUL or a broken surrogate)',
  },
  COMMENT_LENGTH: {
    'zh-CN': (p) => `评论应为 1 到 ${String(p.max)} 个字`,
    en: (p) => `a comment must have 1 to ${String(p.max)} characters`,
  },
  NOT_DELETED: {
    'zh-CN': () => '这条数据不在回收站中',
    en: () => 'the record is not in the recycle bin',
  },
  INVALID_SORT: {
    'zh-CN': (p) => `排序 ${q(p.value)} 无效：应为 字段:asc 或 字段:desc，用逗号分隔`,
    en: (p) => `the sort ${q(p.value)} is invalid: use field:asc or field:desc, separated by commas`,
  },
} satisfies Record<string, Message>;

export type RecordMessageCode = keyof typeof RECORD_MESSAGES;

/** A problem item of the record routes, with its message in the caller's language. */
export function recordItem(
  locale: 'zh-CN' | 'en',
  path: string,
  code: RecordMessageCode,
  params: Params = {},
): { path: string; code: string; message: string } {
  const message: Message = RECORD_MESSAGES[code];
  return { path, code: code === 'NOT_FOUND_ITEM' ? 'NOT_FOUND' : code, message: message[locale](params) };
}
