import type { FieldDef } from './field.js';
import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';
import type { Rule } from './rule.js';

/**
 * Form logic, evaluated by the engine in dependency order:
 * - `visible`: the listed fields are shown only while `when` is true (a field under several visible rules is shown
 *   when any of them is true); fields under no visible rule follow their static `hidden` flag.
 * - `required` / `readonly`: the listed fields become required / read-only while `when` is true.
 * - `assign`: while `when` holds (or always, without `when`), the target field's value is `value` (value linkage 数据联动).
 * - `validate`: the record is rejected with `message` unless `when` is true (form-level check 校验).
 */
export type LogicRule =
  | { id: Id; kind: 'visible' | 'required' | 'readonly'; when: Rule; fields: Id[] }
  | { id: Id; kind: 'assign'; when?: Rule; field: Id; value: Rule }
  | { id: Id; kind: 'validate'; when: Rule; message: LocalizedText; fields?: Id[] };

/** A layout row: up to four fields side by side on desktop; stacked on a phone. */
export type LayoutRow = { id: Id; fields: Id[] };

export type FormDef = {
  id: Id;
  name: LocalizedText;
  description?: LocalizedText;
  /** Ordered fields. Sub-table columns live in the sub-table field's `settings.fields`. */
  fields: FieldDef[];
  /** Multi-column rows; fields not placed in a row take a full row in field order. */
  layout?: LayoutRow[];
  logic?: LogicRule[];
  /** Published version number this definition corresponds to (set by the store). */
  version?: number;
  settings?: {
    /** Title of a record in lists and relation pickers: the field shown. */
    titleField?: Id;
    /** Text shown after a public submission. */
    submitMessage?: LocalizedText;
  };
};
