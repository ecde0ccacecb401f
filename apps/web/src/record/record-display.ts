import type { FieldDef, FieldType, FormDef, ViewDef } from '@formflow/schema';
import type { FormRecord } from '../api/types.js';
import { formatValue, safeHref as runtimeSafeHref, type FormatLookups } from '../runtime/format-value.js';

/** Layout-only types: they hold no value and are never shown as a record's field. */
const LAYOUT: ReadonlySet<FieldType> = new Set(['section', 'description']);
/** Types a card can show as a one-line value. */
const CARD_TYPES: ReadonlySet<FieldType> = new Set([
  'text',
  'textarea',
  'number',
  'money',
  'percent',
  'rating',
  'date',
  'datetime',
  'select',
  'multiselect',
  'boolean',
  'member',
  'department',
  'phone',
  'email',
  'url',
  'serial',
  'relation',
  'lookup',
  'rollup',
  'formula',
  'createdBy',
  'createdAt',
  'updatedAt',
]);

type FormLike = Pick<FormDef, 'fields' | 'settings'> & { access?: { readable: string[] } };

/** The value-holding fields the caller may read, in form order (deleted and layout fields left out). */
export function readableFields(form: FormLike): FieldDef[] {
  const readable = form.access ? new Set(form.access.readable) : null;
  return form.fields.filter((f) => !f.deleted && !LAYOUT.has(f.type) && (!readable || readable.has(f.id)));
}

/** The field naming a record: `settings.titleField` when readable, else the first text field, else none. */
export function titleFieldOf(form: FormLike): FieldDef | undefined {
  const fields = readableFields(form);
  const chosen = form.settings?.titleField;
  return (
    (chosen ? fields.find((f) => f.id === chosen) : undefined) ??
    fields.find((f) => f.type === 'text') ??
    fields.find((f) => f.type === 'serial')
  );
}

/** The record's title as text; `fallback` (e.g. "Untitled") when the title field is empty or absent. */
export function recordTitle(
  form: FormLike,
  record: Pick<FormRecord, 'data'>,
  fallback: string,
  lookups?: FormatLookups,
) {
  const field = titleFieldOf(form);
  const text = field ? formatValue(field, record.data[field.id], lookups).trim() : '';
  return text || fallback;
}

/**
 * The 2–3 fields a kanban or calendar card shows under the title: the view's visible fields when it names them,
 * else the first readable fields of the form; never the title field or the fields given in `exclude`.
 */
export function cardFields(form: FormLike, view: Pick<ViewDef, 'fields'>, exclude: string[] = [], max = 3): FieldDef[] {
  const fields = readableFields(form);
  const skip = new Set([titleFieldOf(form)?.id, ...exclude]);
  const usable = (f: FieldDef | undefined): f is FieldDef => Boolean(f && CARD_TYPES.has(f.type) && !skip.has(f.id));
  const byId = new Map(fields.map((f) => [f.id, f]));
  const picked = view.fields?.length ? view.fields.map((id) => byId.get(id)).filter(usable) : fields.filter(usable);
  return picked.slice(0, max);
}

/** An http(s) link from user data, or undefined (never javascript: or data: URLs): the runtime's check. */
export function safeHref(value: unknown): string | undefined {
  return runtimeSafeHref(value) ?? undefined;
}

/** A value as one line of text for cards, the drawer and the timeline (the runtime's formatValue, never HTML). */
export function displayText(field: FieldDef, value: unknown, lookups?: FormatLookups): string {
  return formatValue(field, value, lookups);
}
