import type { FieldDef, FieldType, FilterOperator, JsonSchema, JsonValue, Locale } from '@formflow/schema';

/**
 * How a field's value is kept by the store. Few storage kinds, many widget types (DESIGN.md §4).
 * `none` is for layout-only types (section, description) that hold no value.
 */
export type StorageKind = 'text' | 'number' | 'boolean' | 'datetime' | 'json' | 'reference' | 'none';

/**
 * Who writes the value: `user` (typed in a form or import), `computed` (formula, lookup, rollup: the engine),
 * `system` (serial number, created-by/at, updated-at: the server), `none` (layout).
 */
export type ValueSource = 'user' | 'computed' | 'system' | 'none';

/** Where parsing and formatting happen: the viewer's or importer's zone and language. */
export type FieldContext = {
  /** IANA zone used to read local date-times like `2025/3/1 14:00`. */
  timezone: string;
  locale: Locale;
};

export const DEFAULT_FIELD_CONTEXT: FieldContext = { timezone: 'Asia/Shanghai', locale: 'zh-CN' };

export type ParseResult = { ok: true; value: JsonValue } | { ok: false; code: string; message: string };

/**
 * One field type. Value shapes (documented per module and in docs/fields):
 * text-like → string; number/money/percent(ratio, 12% = 0.12)/rating → number; date → `YYYY-MM-DD`;
 * datetime/createdAt/updatedAt → ISO UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`; select → option id; multiselect → option ids;
 * boolean → boolean; member/department/relation → id (single) or id[] (`settings.multiple`); address → object;
 * location → `{ lng, lat }`; image/attachment → file refs `{ id, name, size, mime }[]`; signature → one file ref;
 * subtable → rows `{ id, [columnId]: value }[]`; empty is `null` (or absent).
 */
export type FieldTypeDef = {
  type: FieldType;
  storage: StorageKind;
  source: ValueSource;
  /** JSON Schema of `field.settings`. */
  settingsSchema: JsonSchema;
  /** JSON Schema of a non-empty value under these settings (ajv compiles it once per form version). */
  valueSchema(field: FieldDef): JsonSchema;
  /** Value of a new record when the designer set none. */
  defaultValue(field: FieldDef): JsonValue;
  /** Reads import or typed text (`2025/3/1`, `¥1,200.50`, `1.2万`, `是`, `+86 138 0013 8000`). Empty text → `null`. */
  parse(text: string, field: FieldDef, ctx: FieldContext): ParseResult;
  /** Display and export text of a value. */
  format(value: JsonValue, field: FieldDef, ctx: FieldContext): string;
  /** A key that sorts values of this type correctly (numbers numerically, dates chronologically); null sorts last. */
  sortKey(value: JsonValue, field: FieldDef): string | number | null;
  /** Filter operators this type supports. */
  operators: readonly FilterOperator[];
  /** Canonical form of a valid value before storage (normalised phone, rounded money, ordered options). Optional.
   * Every string is already in NFC when this runs: validateRecord puts all text in NFC first. */
  normalize?(value: JsonValue, field: FieldDef): JsonValue;
};
