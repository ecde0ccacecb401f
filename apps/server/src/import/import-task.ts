import type { FieldContext, Viewer } from '@formflow/engine';
import type { FilterNode, FormDef } from '@formflow/schema';
import type { ImportJobCounts, ImportJobMode, SerialFieldSpec } from '@formflow/store';
import type { ImportFormat } from './cell-source.js';
import type { CsvDelimiter } from './detect-delimiter.js';
import type { XlsxLimits } from './xlsx-guard.js';

/** What the caller chose for an import (the multipart `options` field). */
export type ImportOptions = {
  mode: ImportJobMode;
  /** Header text → field id, or null to ignore the column; other columns are matched by id, key or label. */
  mapping?: Record<string, string | null>;
  /** Match existing records by a unique field: skip the row, or update the record with the row's non-empty cells. */
  dedupe?: { fieldId: string; onDuplicate: 'update' | 'skip' };
  /** CSV only: forced encoding (detected otherwise) and delimiter (detected from the header line otherwise). */
  encoding?: 'utf-8' | 'gb18030' | 'latin1';
  delimiter?: CsvDelimiter;
};

export type ImportLimits = {
  maxRows: number;
  /** Row errors kept in the report (the counts stay exact). */
  maxErrors: number;
  maxColumns: number;
  /** validRowsOnly: rows per transaction. */
  chunkRows: number;
  /**
   * CSV files of at least this many data rows are checked on two threads (a helper thread parses and validates part
   * of the rows: `CheckHelper`). Off by default (Infinity): measured on a 2-core machine shared with other work, the
   * helper added ~100 MiB RSS and ~2 s of start-up CPU (from TypeScript sources) and no speed while the other core
   * was busy; see docs/benchmarks.md, "Import".
   */
  parallelFromRows: number;
  xlsx: XlsxLimits;
};

/** Everything a job needs, plain data only: it crosses into the worker thread. */
export type ImportTask = {
  dbPath: string;
  jobId: string;
  workspaceId: string;
  formId: string;
  formVersion: number;
  form: FormDef;
  actor: string | null;
  file: { path: string; format: ImportFormat };
  options: ImportOptions;
  /** Columns the caller may import (null: every user field): the submit fields, plus the edit ones for a dedupe update. */
  writableFieldIds: string[] | null;
  /** Fields a created record may set (`submit`) and a dedupe update may change (`edit`); null: every user field. */
  writableFor: { submit: string[]; edit: string[] } | null;
  /**
   * The importer as the permission rules see them: a relation cell must name a record they may view (as the records
   * API checks it). Null only for a trusted import the server runs itself (links then need only exist).
   */
  viewer: Viewer | null;
  /**
   * The caller's row filters (null = every row): a created record must fall inside `submit`'s rows, a record a
   * dedupe update changes inside `edit`'s (absent: the action is not granted).
   */
  rowFilters: { submit?: FilterNode | null; edit?: FilterNode | null };
  /**
   * Member, clock and zone for row filters and form logic: `departmentIds` are the member's own (rules' `$member`),
   * `scopeDepartmentIds` those and their descendants (filters' "current department").
   */
  caller: {
    memberId?: string;
    departmentIds?: string[];
    scopeDepartmentIds?: string[];
    roleIds?: string[];
    now: Date;
    timezone: string;
  };
  /** Zone and language cells are parsed in. */
  fieldContext: FieldContext;
  uniqueFields: string[];
  serialFields: SerialFieldSpec[];
  /** Fields the server fills on create: created-by (the actor), created-at and updated-at (the job's time). */
  systemFields: { createdBy: string[]; createdAt: string[]; updatedAt: string[] };
  /** Where the allOrNothing staging file goes. */
  stagingDir: string;
  limits: ImportLimits;
};

export type ImportPhase = 'queued' | 'reading' | 'writing' | 'done';

/** Live progress of a running job (also posted from the worker to the main thread). */
export type ImportProgress = ImportJobCounts & {
  phase: ImportPhase;
  /** Share of the whole job done, 0–1. */
  fraction: number;
};

/** How a job ended, as the thread that ran it reports it. */
export type ImportResult = { status: 'succeeded' | 'failed' | 'cancelled' };
