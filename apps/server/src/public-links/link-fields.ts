import type { FieldRegistry } from '@formflow/engine';
import type { FieldDef, FormDef } from '@formflow/schema';
import type { ProblemItem } from '../http/problems.js';

/**
 * Field types an anonymous visitor cannot fill: pickers over the workspace's members, departments or records would
 * have to list them to strangers (RELIABILITY H7: a share link reads nothing outside its form).
 */
const NOT_PUBLIC = new Set(['member', 'department', 'relation']);

type Locale = 'zh-CN' | 'en';

const MESSAGES = {
  UNKNOWN_FIELD: (id: string) => ({ 'zh-CN': `表单没有字段 "${id}"`, en: `the form has no field "${id}"` }),
  FIELD_NOT_WRITABLE: (id: string) => ({
    'zh-CN': `字段 "${id}" 不由填写人填写（系统、计算或布局字段），不能放进外链`,
    en: `field "${id}" is not filled in by people (system, computed or layout): a public link cannot expose it`,
  }),
  FIELD_NOT_PUBLIC: (id: string) => ({
    'zh-CN': `字段 "${id}" 需要选择成员、部门或数据，匿名填写人无法使用`,
    en: `field "${id}" picks members, departments or records, which anonymous visitors cannot do`,
  }),
  DUPLICATE_FIELD: (id: string) => ({ 'zh-CN': `字段 "${id}" 重复`, en: `field "${id}" is listed twice` }),
  REQUIRED_FIELD_NOT_EXPOSED: (id: string) => ({
    'zh-CN': `必填字段 "${id}" 没有放进外链：所有提交都会失败`,
    en: `the required field "${id}" is not exposed: every submission would fail`,
  }),
} as const;

type Code = keyof typeof MESSAGES;

function item(code: Code, path: string, id: string, locale: Locale): ProblemItem {
  return { path, code, message: MESSAGES[code](id)[locale] };
}

/** Whether a field can be filled in through a public link (sub-tables: every live column too). */
export function isPublicField(field: FieldDef, registry: FieldRegistry): boolean {
  if (field.deleted === true || !registry.has(field.type)) return false;
  if (registry.get(field.type).source !== 'user' || NOT_PUBLIC.has(field.type)) return false;
  if (field.type !== 'subtable') return true;
  const columns = field.settings?.['fields'];
  if (!Array.isArray(columns)) return true;
  return (columns as unknown as FieldDef[]).every(
    (c) =>
      c.deleted === true || !registry.has(c.type) || registry.get(c.type).source !== 'user' || !NOT_PUBLIC.has(c.type),
  );
}

/**
 * Checks the fields a link exposes: live, top-level fields that people fill in and an anonymous visitor can fill,
 * each once; and every statically required field without a default must be among them. Problems point at
 * `body.fields[i]` (or `body.fields` for a missing required field).
 */
export function checkLinkFields(
  form: FormDef,
  registry: FieldRegistry,
  fields: readonly string[],
  locale: Locale,
): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const byId = new Map(form.fields.filter((f) => f.deleted !== true).map((f) => [f.id, f]));
  const seen = new Set<string>();
  fields.forEach((id, i) => {
    const path = `body.fields[${String(i)}]`;
    const field = byId.get(id);
    if (seen.has(id)) problems.push(item('DUPLICATE_FIELD', path, id, locale));
    else if (!field) problems.push(item('UNKNOWN_FIELD', path, id, locale));
    else if (!registry.has(field.type) || registry.get(field.type).source !== 'user') {
      problems.push(item('FIELD_NOT_WRITABLE', path, id, locale));
    } else if (!isPublicField(field, registry)) problems.push(item('FIELD_NOT_PUBLIC', path, id, locale));
    seen.add(id);
  });
  for (const field of byId.values()) {
    const hasDefault = field.defaultValue !== undefined || field.defaultFormula !== undefined;
    if (field.required === true && !hasDefault && !seen.has(field.id) && registry.has(field.type)) {
      if (registry.get(field.type).source === 'user') {
        problems.push(item('REQUIRED_FIELD_NOT_EXPOSED', 'body.fields', field.id, locale));
      }
    }
  }
  return problems;
}

/** The exposed fields still usable in the live form (a field deleted or retyped since is silently left out). */
export function exposedFields(form: FormDef, registry: FieldRegistry, fields: readonly string[]): Set<string> {
  const byId = new Map(form.fields.map((f) => [f.id, f]));
  return new Set(
    fields.filter((id) => {
      const field = byId.get(id);
      return field !== undefined && isPublicField(field, registry);
    }),
  );
}
