import { DEFAULT_FIELD_CONTEXT, fieldRegistry, validateRecord, type FieldContext } from '@formflow/engine';
import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';

/** Which inline editor a cell gets; `null`: not editable in the grid (the drawer edits it). */
export type EditorKind = 'text' | 'textarea' | 'date' | 'select' | 'boolean';

const TEXT_TYPES = new Set(['text', 'phone', 'email', 'url', 'number', 'money', 'percent', 'rating', 'datetime']);

const RAW_TEXT = new Set(['text', 'textarea', 'phone', 'email', 'url']);

export function editorKind(field: FieldDef): EditorKind | null {
  if (TEXT_TYPES.has(field.type)) return 'text';
  if (field.type === 'textarea') return 'textarea';
  if (field.type === 'date') return 'date';
  if (field.type === 'select') return 'select';
  if (field.type === 'boolean') return 'boolean';
  return null;
}

/** Whether the caller may edit this cell inline: the `edit` action, a writable field, a simple type. */
export function canEditInline(field: FieldDef, writable: readonly string[], actions: readonly string[]): boolean {
  return (
    (actions.includes('edit') || actions.includes('manage')) &&
    writable.includes(field.id) &&
    editorKind(field) !== null
  );
}

function editContext(): FieldContext {
  let timezone = DEFAULT_FIELD_CONTEXT.timezone;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || timezone;
  } catch {
    // keep the default zone
  }
  // zh-CN formatting (`2025-03-01 14:30`, `1,200.5`, `12.5%`) is what every parser reads back.
  return { timezone, locale: 'zh-CN' };
}

/** The text a text editor starts with: the type's own format, which its parser reads back. */
export function editorText(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (RAW_TEXT.has(field.type) && typeof value === 'string') return value;
  try {
    return fieldRegistry.get(field.type).format(value as JsonValue, field, editContext());
  } catch {
    return String(value);
  }
}

export type ParsedInput = { ok: true; value: JsonValue } | { ok: false; message: string };

/** Reads what was typed into a text editor with the field type's parser (`¥1,200.50`, `12%`, `2025/3/1 14:00`). */
export function parseInput(field: FieldDef, text: string): ParsedInput {
  if (field.type === 'text' || field.type === 'textarea') return { ok: true, value: text === '' ? null : text };
  const parsed = fieldRegistry.get(field.type).parse(text, field, editContext());
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
}

/**
 * Checks a one-field patch with the engine's validateRecord (the server runs the same code), over the record's
 * current values. Returns the messages about this field (or the whole record) in `language`, or [] when it passes.
 */
export function validateCell(
  form: FormDef,
  existing: Record<string, unknown>,
  fieldId: string,
  value: JsonValue,
  writable: readonly string[],
  language: 'zh-CN' | 'en',
): string[] {
  const result = validateRecord(
    form,
    { [fieldId]: value },
    {
      registry: fieldRegistry,
      mode: 'update',
      existing: existing as Record<string, JsonValue>,
      writableFieldIds: new Set(writable),
    },
  );
  if (result.ok) return [];
  return result.errors.filter((e) => e.fieldId === fieldId || e.fieldId === null).map((e) => e.message[language]);
}
