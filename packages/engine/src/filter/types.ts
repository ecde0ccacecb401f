/** A record's `data`: `{ [fieldId]: value }`. Read with own-property lookups only. */
export type RecordData = Readonly<Record<string, unknown>>;

/**
 * Who is looking and when. `departmentIds` are the viewer's departments including their descendants, resolved by
 * the caller. `timezone` is the viewer's IANA zone: "today", "this week" and date-only bounds on date-time fields are
 * computed in it.
 */
export type FilterContext = {
  memberId?: string;
  departmentIds?: readonly string[];
  now: Date;
  timezone: string;
};

/** A filter compiled once into closures; call it per record. */
export type CompiledFilter = (data: RecordData, ctx: FilterContext) => boolean;

/** A compiled condition on one value (a field's value, or one sub-table cell). */
export type ValuePredicate = (value: unknown, ctx: FilterContext) => boolean;

export type CheckFilterOptions = {
  /** Fields the caller may read; a filter on any other field is `FIELD_NOT_READABLE`. All fields when absent. */
  readableFieldIds?: ReadonlySet<string>;
  /** Deepest nesting of groups and conditions (a bare condition is depth 1). Default 8. */
  maxDepth?: number;
  /** Most conditions (and, separately, most groups) in one filter. Default 200. */
  maxConditions?: number;
};

export type CheckSortOptions = {
  readableFieldIds?: ReadonlySet<string>;
};
