import { compileFilter, type CompiledFilter, type FilterContext, type RecordError } from '@formflow/engine';
import type { FilterNode, JsonValue } from '@formflow/schema';
import {
  prepareRecord,
  uniqueKey,
  type ImportRecordWriter,
  type JsonValue as StoreJson,
  type PreparedRecord,
  type RecordData,
} from '@formflow/store';
import { diffPatch } from '../records/write-pipeline.js';
import type { HeaderMap } from './header-map.js';
import { KeyRows } from './key-rows.js';
import type { RelationSupport } from './relation-support.js';
import { duplicateInFile, notEditable, notWritable, rowNotAllowed, uniqueConflict } from './row-messages.js';
import { clipCell, parseCells, validateRow, type RowContext, type RowError } from './row-to-values.js';

/**
 * A data row after checking: what to write, or why not. A create may carry its stored text (`prepared`, computed
 * off the writing thread); its `values` then hold only the unique fields' values (for conflict messages).
 */
export type CheckedRow =
  | { kind: 'create'; row: number; values: RecordData; prepared?: PreparedRecord }
  | { kind: 'update'; row: number; id: string; version: number; patch: RecordData }
  | { kind: 'skip'; row: number }
  | { kind: 'failed'; row: number; errors: RowError[] };

export type RowCheckerOptions = {
  uniqueFields: readonly string[];
  dedupe?: { fieldId: string; onDuplicate: 'update' | 'skip' };
  /** Also look unique values up in the database (allOrNothing reports every conflict before writing). */
  precheckDatabase: boolean;
  rowFilters: { submit?: FilterNode | null; edit?: FilterNode | null };
  filterContext: FilterContext;
  /** Fields the server fills on create (as the records API does): the actor, and the job's time. */
  system: { createdBy: readonly string[]; createdAt: readonly string[]; updatedAt: readonly string[] };
  actor: string | null;
  /** The job's time (ISO): created-at/updated-at values of its records. */
  at: string;
  relations: RelationSupport | null;
  /** Fields a create may set (`submit`) and a dedupe update may change (`edit`); absent: every mapped field. */
  writableFor?: { submit: ReadonlySet<string>; edit: ReadonlySet<string> };
};

/** A unique field's folded key in a row, and the value's text for messages. */
export type UniqueValue = { fieldId: string; key: string; text: string };

/**
 * The part of a row's check that needs no database and no other row (any thread may run it): the row as a new
 * record (`candidate`, with its unique keys and, when asked, its stored text) or why it cannot be one. `dedupeKey`
 * is the folded dedupe value, even for a failed row (found in the form, it is checked as an update instead).
 */
export type NewRowCheck = (Candidate | Extract<CheckedRow, { kind: 'failed' }>) & { dedupeKey: string | null };

/** A row that is a valid new record, before 查重 (`RowChecker.claim`). */
type Candidate = {
  kind: 'candidate';
  row: number;
  values: RecordData;
  unique: UniqueValue[];
  prepared?: PreparedRecord;
};

function valueText(value: JsonValue | undefined): string {
  return clipCell(typeof value === 'string' ? value : JSON.stringify(value ?? null));
}

/**
 * Checks data rows: cells parsed by their field types (`parseCells`), then the engine's `validateRecord` as a new
 * record, or, when `dedupe` finds the row's key in the form, as a patch over that record (`update`) or nothing
 * (`skip`). Unique values are checked within the file (a repeat of an earlier row's value, dedupe key included, is
 * DUPLICATE_IN_FILE) and, with `precheckDatabase`, against the form. Row filters of the caller decide which records
 * may be created and which existing ones updated. Reads the database through `writer`, never writes.
 */
export class RowChecker {
  private readonly seen = new Map<string, KeyRows>();
  private readonly submitFilter: CompiledFilter | null;
  private readonly editFilter: CompiledFilter | null;
  private readonly columnOf = new Map<string, string>();

  constructor(
    private readonly rc: RowContext & { header: HeaderMap },
    /** Null for a checker that only runs `checkAsNew` (no database). */
    private readonly writer: ImportRecordWriter | null,
    private readonly options: RowCheckerOptions,
  ) {
    const compile = (node: FilterNode | null | undefined) => (node ? compileFilter(node, rc.form, rc.registry) : null);
    this.submitFilter = compile(options.rowFilters.submit);
    this.editFilter = compile(options.rowFilters.edit);
    rc.header.fields.forEach((field, i) => {
      if (field) this.columnOf.set(field.id, rc.header.headers[i] ?? '');
    });
    for (const fieldId of options.uniqueFields) this.seen.set(fieldId, new KeyRows());
  }

  /** The header text of a field's column ('' when the file has none). */
  column(fieldId: string): string {
    return this.columnOf.get(fieldId) ?? '';
  }

  check(cells: readonly string[], row: number): CheckedRow {
    const parsed = parseCells(cells, row, this.rc);
    if (!parsed.ok) return { kind: 'failed', row, errors: parsed.errors };
    const dedupe = this.options.dedupe;
    if (dedupe) {
      const key = uniqueKey(parsed.values[dedupe.fieldId] as StoreJson | undefined);
      const holder = key === null ? undefined : this.database().holder(dedupe.fieldId, key);
      if (key !== null && holder !== undefined) return this.checkUpdate(parsed.values, cells, row, key, holder);
    }
    const candidate = this.candidate(parsed.values, cells, row, false);
    return candidate.kind === 'failed' ? candidate : this.claim(candidate);
  }

  /**
   * The database-free part of `check` (`NewRowCheck`), with the record's stored text when `prepare` is set (forms
   * without serial fields). `checkAsNew` then `finish`, in row order, is `check`.
   */
  checkAsNew(cells: readonly string[], row: number, prepare: boolean): NewRowCheck {
    const parsed = parseCells(cells, row, this.rc);
    if (!parsed.ok) return { kind: 'failed', row, errors: parsed.errors, dedupeKey: null };
    const dedupe = this.options.dedupe;
    const dedupeKey = dedupe ? uniqueKey(parsed.values[dedupe.fieldId] as StoreJson | undefined) : null;
    return { ...this.candidate(parsed.values, cells, row, prepare), dedupeKey };
  }

  /** Finishes a row checked by `checkAsNew` (maybe on another thread), in row order: dedupe and 查重. */
  finish(checked: NewRowCheck, cells: readonly string[]): CheckedRow {
    const dedupe = this.options.dedupe;
    const key = checked.dedupeKey;
    if (dedupe && key !== null && this.database().holder(dedupe.fieldId, key) !== undefined) {
      return this.check(cells, checked.row);
    }
    if (checked.kind === 'failed') return { kind: 'failed', row: checked.row, errors: checked.errors };
    return this.claim(checked);
  }

  private database(): ImportRecordWriter {
    if (!this.writer) throw new Error('this row checker has no database');
    return this.writer;
  }

  /** A row whose dedupe key `key` is held by record `holder`: a skip, or a patch validated over that record. */
  private checkUpdate(
    values: Record<string, JsonValue>,
    cells: readonly string[],
    row: number,
    key: string,
    holder: string,
  ): CheckedRow {
    const dedupe = this.options.dedupe!;
    const value = valueText(values[dedupe.fieldId]);
    const column = this.column(dedupe.fieldId);
    const repeated = this.repeat(dedupe.fieldId, key, row, value);
    if (repeated) return { kind: 'failed', row, errors: [repeated] };
    if (dedupe.onDuplicate === 'skip') {
      this.remember(dedupe.fieldId, key, row);
      return { kind: 'skip', row };
    }
    const existing = this.database().get(holder);
    if (!existing || (this.editFilter && !this.editFilter(existing.data, this.options.filterContext))) {
      return { kind: 'failed', row, errors: [notEditable(row, column, dedupe.fieldId, value)] };
    }
    // The key only finds the record: when the caller may not change that field, its spelling is left as stored.
    if (this.options.writableFor && !this.options.writableFor.edit.has(dedupe.fieldId)) {
      delete values[dedupe.fieldId];
    }
    const denied = this.notWritable(values, row, cells, 'edit');
    if (denied.length > 0) return { kind: 'failed', row, errors: denied };
    const checked = validateRow(values, row, cells, this.rc, existing.data);
    if (!checked.ok) return { kind: 'failed', row, errors: checked.errors };
    const relations = this.options.relations;
    let merged = checked.values as RecordData;
    if (relations) {
      const bad = relations.check(merged, existing.data);
      if (bad.length > 0) return { kind: 'failed', row, errors: this.recordErrors(row, cells, bad) };
      merged = relations.derive(merged);
    }
    this.remember(dedupe.fieldId, key, row);
    const patch = diffPatch(existing.data, merged);
    if (Object.keys(patch).length > 0) for (const id of this.options.system.updatedAt) patch[id] = this.options.at;
    return { kind: 'update', row, id: existing.id, version: existing.version, patch };
  }

  /** The row as a new record: writable fields, the engine's validation, system fields, links, the submit filter. */
  private candidate(
    parsed: Record<string, JsonValue>,
    cells: readonly string[],
    row: number,
    prepare: boolean,
  ): Candidate | Extract<CheckedRow, { kind: 'failed' }> {
    const denied = this.notWritable(parsed, row, cells, 'submit');
    if (denied.length > 0) return { kind: 'failed', row, errors: denied };
    const checked = validateRow(parsed, row, cells, this.rc);
    if (!checked.ok) return { kind: 'failed', row, errors: checked.errors };
    let values = checked.values as RecordData;
    let empty = false;
    for (const id in values) if (values[id] === null || values[id] === undefined) empty = true;
    if (empty) {
      // Empty values are not stored (as the records API does).
      const kept: RecordData = {};
      for (const id in values) if (values[id] !== null && values[id] !== undefined) kept[id] = values[id]!;
      values = kept;
    }
    const { system, actor, at, relations } = this.options;
    if (actor !== null) for (const id of system.createdBy) values[id] = actor;
    for (const id of system.createdAt) values[id] = at;
    for (const id of system.updatedAt) values[id] = at;
    if (relations) {
      const bad = relations.check(values);
      if (bad.length > 0) return { kind: 'failed', row, errors: this.recordErrors(row, cells, bad) };
      values = relations.derive(values);
    }
    if (this.submitFilter && !this.submitFilter(values, this.options.filterContext)) {
      return { kind: 'failed', row, errors: [rowNotAllowed(row)] };
    }
    const unique: UniqueValue[] = [];
    for (const fieldId of this.options.uniqueFields) {
      const key = uniqueKey(values[fieldId]);
      if (key !== null) unique.push({ fieldId, key, text: valueText(values[fieldId]) });
    }
    if (!prepare) return { kind: 'candidate', row, values, unique };
    return { kind: 'candidate', row, values, unique, prepared: prepareRecord(values, this.options.uniqueFields) };
  }

  /** 查重 of a new record's unique values within the file (and the form, with `precheckDatabase`), in row order. */
  private claim(candidate: Candidate): CheckedRow {
    const { row, unique } = candidate;
    const errors: RowError[] = [];
    for (const { fieldId, key, text } of unique) {
      const repeated = this.repeat(fieldId, key, row, text);
      if (repeated) errors.push(repeated);
      else if (this.options.precheckDatabase && this.database().holder(fieldId, key) !== undefined) {
        errors.push(uniqueConflict(row, this.column(fieldId), fieldId, text));
      }
    }
    if (errors.length > 0) return { kind: 'failed', row, errors };
    for (const { fieldId, key } of unique) this.remember(fieldId, key, row);
    return candidate.prepared
      ? { kind: 'create', row, values: candidate.values, prepared: candidate.prepared }
      : { kind: 'create', row, values: candidate.values };
  }

  /** A row error for each value of a field the caller may not write for this action (RELIABILITY H3). */
  private notWritable(
    values: Readonly<Record<string, JsonValue>>,
    row: number,
    cells: readonly string[],
    action: 'submit' | 'edit',
  ): RowError[] {
    const allowed = this.options.writableFor?.[action];
    if (!allowed) return [];
    const errors: RowError[] = [];
    const { fields } = this.rc.header;
    for (const fieldId in values) {
      if (allowed.has(fieldId)) continue;
      const index = fields.findIndex((f) => f?.id === fieldId);
      errors.push(notWritable(row, this.column(fieldId), fieldId, clipCell(cells[index] ?? ''), action));
    }
    return errors;
  }

  /** Engine record errors (relation targets) as row errors naming the column and the cell. */
  private recordErrors(row: number, cells: readonly string[], errors: readonly RecordError[]): RowError[] {
    const { headers, fields } = this.rc.header;
    return errors.map((e) => {
      const index = e.fieldId === null ? -1 : fields.findIndex((f) => f?.id === e.fieldId);
      const column = index >= 0 ? (headers[index] ?? '') : '';
      return {
        column,
        ...(e.fieldId !== null ? { fieldId: e.fieldId } : {}),
        code: e.code,
        ...(index >= 0 ? { value: clipCell(cells[index] ?? '') } : {}),
        message: {
          'zh-CN': `第 ${row} 行${column ? `“${column}”` : ''}：${e.message['zh-CN']}`,
          en: `Row ${row}${column ? `, column "${column}"` : ''}: ${e.message.en}`,
        },
      };
    });
  }

  private repeat(fieldId: string, key: string, row: number, value: string): RowError | undefined {
    const first = this.seen.get(fieldId)?.get(key);
    return first === undefined ? undefined : duplicateInFile(row, this.column(fieldId), fieldId, value, first);
  }

  private remember(fieldId: string, key: string, row: number): void {
    this.seen.get(fieldId)?.set(key, row);
  }
}
