import type { FieldDef, FilterNode, FormDef, SelectOption } from '@formflow/schema';
import type { AggregateResult } from '../../api/types.js';
import { localized } from '../../ui/localized.js';

/** The id of the column of records without a value. */
export const NO_VALUE = '__none__';

export type KanbanColumn = {
  /** The option id (or member id), or NO_VALUE. */
  id: string;
  /** The value written when a card is dropped here (null clears the field). */
  value: string | null;
  label: string;
  color: string | undefined;
  count: number;
  sum: number | null;
};

/** AND of the given filters, leaving out absent ones; undefined when none. */
export function andFilters(...filters: (FilterNode | undefined)[]): FilterNode | undefined {
  const present = filters.filter((f): f is FilterNode => f !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return { and: present };
}

/** The filter selecting one column's records. */
export function columnFilter(groupBy: string, column: Pick<KanbanColumn, 'value'>): FilterNode {
  return column.value === null ? { field: groupBy, op: 'isEmpty' } : { field: groupBy, op: 'eq', value: column.value };
}

const SEARCHABLE = new Set(['text', 'textarea', 'phone', 'email', 'url', 'serial']);

/**
 * The toolbar search as a filter, for the aggregate route (which has no `q`): an `or` of `contains` over the readable
 * text-like fields — what the query route does with `q` (docs/api/records.md).
 */
export function searchFilter(form: Pick<FormDef, 'fields'> & { access?: { readable: string[] } }, q?: string) {
  const text = q?.trim().slice(0, 1000);
  if (!text) return undefined;
  const readable = form.access ? new Set(form.access.readable) : null;
  const fields = form.fields.filter((f) => SEARCHABLE.has(f.type) && !f.deleted && (!readable || readable.has(f.id)));
  return { or: fields.map((f) => ({ field: f.id, op: 'contains' as const, value: text })) } satisfies FilterNode;
}

/**
 * The board's columns: a select field's options in option order (colour from the option), or for a member field the
 * members met in the aggregate; then the "no value" column. Counts and sums come from the aggregate rows
 * (`groupBy: [groupBy]`, measures `[count, sum?]`); a value no option names is counted in no column.
 */
export function kanbanColumns(
  field: FieldDef,
  aggregate: AggregateResult | undefined,
  options: { noValueLabel: string; memberName?: (id: string) => string; hasSum: boolean },
): KanbanColumn[] {
  const totals = new Map<string, { count: number; sum: number | null }>();
  for (const row of aggregate?.rows ?? []) {
    const key = row.keys[0] === null || row.keys[0] === undefined ? NO_VALUE : String(row.keys[0]);
    totals.set(key, { count: row.values[0] ?? 0, sum: options.hasSum ? (row.values[1] ?? null) : null });
  }
  const make = (id: string, value: string | null, label: string, color?: string): KanbanColumn => ({
    id,
    value,
    label,
    color,
    count: totals.get(id)?.count ?? 0,
    sum: totals.get(id)?.sum ?? (options.hasSum ? 0 : null),
  });
  const columns: KanbanColumn[] = [];
  if (field.type === 'select') {
    const choices = ((field.settings?.options ?? []) as SelectOption[]).filter(Boolean);
    for (const option of choices) columns.push(make(option.id, option.id, localized(option.label), option.color));
  } else {
    const ids = [...totals.keys()].filter((id) => id !== NO_VALUE);
    const name = options.memberName ?? ((id: string) => id);
    for (const id of ids.sort((a, b) => name(a).localeCompare(name(b)))) columns.push(make(id, id, name(id)));
  }
  columns.push(make(NO_VALUE, null, options.noValueLabel));
  return columns;
}

/** A card's column id from its group-by value. */
export function columnOf(value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return NO_VALUE;
  return String(Array.isArray(value) ? value[0] : value);
}

/** Whether dragging can change this field: a select, or a single member. */
export function canMoveBy(field: FieldDef): boolean {
  return field.type === 'select' || (field.type === 'member' && field.settings?.multiple !== true);
}

/**
 * Counts and sums with the pending (optimistic) moves applied: each moved card leaves its column and joins the
 * target, carrying its sum-field amount.
 */
export function applyMoves(
  columns: readonly KanbanColumn[],
  moves: readonly { from: string; to: string; amount: number | null }[],
): KanbanColumn[] {
  const next = columns.map((c) => ({ ...c }));
  const byId = new Map(next.map((c) => [c.id, c]));
  for (const move of moves) {
    const from = byId.get(move.from);
    const to = byId.get(move.to);
    if (!from || !to || from === to) continue;
    from.count = Math.max(0, from.count - 1);
    to.count += 1;
    if (move.amount !== null && from.sum !== null) from.sum -= move.amount;
    if (move.amount !== null && to.sum !== null) to.sum += move.amount;
  }
  return next;
}
