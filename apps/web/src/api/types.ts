import type { AppDef, FilterNode, FormDef, LocalizedText, SortSpec } from '@formflow/schema';

export type WorkspaceRole = 'owner' | 'admin' | 'member';
export type Member = {
  id: string;
  workspaceId: string;
  name: string;
  email: string | null;
  role: WorkspaceRole;
  status: string;
  createdAt: string;
};
export type Me = { member: Member; via: 'session' | 'apiKey' };

export type FormAction = 'submit' | 'view' | 'edit' | 'delete' | 'manage';
export type AppSummary = {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  icon?: string;
  updatedAt: string;
};
export type AppFormSummary = {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  publishedVersion: number | null;
  actions: FormAction[];
};
/** `GET /apps/:appId`: the app definition (forms as summaries). */
export type AppDetail = Omit<AppDef, 'forms'> & { forms: AppFormSummary[] };

/** `GET /forms/:formId`: the live definition as the caller may see it. */
export type LiveForm = FormDef & {
  appId: string;
  access: { actions: FormAction[]; readable: string[]; writable: string[] };
};
export type FormDraft = {
  formId: string;
  appId: string;
  publishedVersion: number | null;
  updatedAt: string;
  definition: FormDef;
};
export type FormDiff = {
  publishedVersion: number | null;
  added: string[];
  removed: string[];
  changed: string[];
  deleted: string[];
  restored: string[];
};

export type RecordData = Record<string, unknown>;
export type FormRecord = {
  id: string;
  formId: string;
  version: number;
  data: RecordData;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
};
export type RecordPage = { records: FormRecord[]; nextCursor: string | null };
export type RecordQuery = {
  filter?: FilterNode;
  sort?: SortSpec[];
  limit?: number;
  cursor?: string;
  /** Rows to skip (0–1,000,000), exclusive with `cursor`: a grid jumping far down. */
  offset?: number;
  q?: string;
  fields?: string[];
};
export type AggregateRequest = {
  filter?: FilterNode;
  groupBy?: { field: string; bucket?: 'day' | 'week' | 'month' }[];
  measures: { agg: 'count' | 'sum' | 'avg' | 'min' | 'max'; field?: string }[];
};
export type AggregateResult = { rows: { keys: unknown[]; values: (number | null)[] }[] };

export type HistoryEntry = {
  version: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'type_change';
  actor: string | null;
  at: string;
  changes: Record<string, { before: unknown; after: unknown }>;
};
export type Comment = { id: string; recordId: string; author: string; body: string; createdAt: string };

export type Department = { id: string; name: string; parentId: string | null; sort?: number };
export type Role = { id: string; name: string };
export type UploadedFile = { id: string; name: string; size: number; mime: string; [key: string]: unknown };

/** Import (docs/api/import.md): the `options` part of an upload. */
export type ImportOptions = {
  mode?: 'allOrNothing' | 'validRowsOnly';
  mapping?: Record<string, string | null>;
  dedupe?: { field: string; onDuplicate: 'update' | 'skip' };
  encoding?: 'utf-8' | 'gb18030' | 'latin1';
  delimiter?: string;
};
export type ImportRowError = { column?: string; fieldId?: string; code: string; value?: string; message: string };
export type ImportPreview = {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  columns: { column: string; fieldId: string | null; error?: { code: string; message: string } }[];
  problems: { code: string; message: string }[];
  fields: { id: string; key?: string; label: string; type: string; required: boolean; unique: boolean }[];
  rows: { row: number; cells: string[]; values?: RecordData; errors: ImportRowError[] }[];
};
export type ImportJobStatus = {
  id: string;
  formId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  phase: 'queued' | 'reading' | 'writing' | 'done';
  mode: 'allOrNothing' | 'validRowsOnly';
  fileName: string | null;
  percent: number;
  rowsDone: number;
  totalRows: number | null;
  rowsImported: number;
  rowsUpdated: number;
  rowsSkipped: number;
  rowsFailed: number;
  etaSeconds: number | null;
  error: { code: string; message: string } | null;
};
