import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';

/** The records table contract (see the package README): the filter compiler relies on these names and types. */
export const records = sqliteTable(
  'records',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    formId: text('form_id').notNull(),
    formVersion: integer('form_version').notNull(),
    data: text('data').notNull(),
    search: text('search').notNull().default('{}'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('records_by_form').on(t.workspaceId, t.formId, t.deletedAt, t.id)],
);

/** One row per record version: `changes` is `{ fieldId: { before, after } }`. Never rewritten. */
export const recordHistory = sqliteTable(
  'record_history',
  {
    id: integer('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    recordId: text('record_id')
      .notNull()
      .references(() => records.id),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    actor: text('actor'),
    at: text('at').notNull(),
    changes: text('changes').notNull(),
  },
  (t) => [unique().on(t.recordId, t.version)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    recordId: text('record_id')
      .notNull()
      .references(() => records.id),
    author: text('author'),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('comments_by_record').on(t.workspaceId, t.recordId, t.id)],
);

/** Gap-free serial numbers per (workspace, form, field, period), incremented inside the record's write transaction. */
export const serialCounters = sqliteTable(
  'serial_counters',
  {
    workspaceId: text('workspace_id').notNull(),
    formId: text('form_id').notNull(),
    fieldId: text('field_id').notNull(),
    period: text('period').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.formId, t.fieldId, t.period] })],
);

/** 查重: one row per unique field value (folded), per workspace and form; the UNIQUE constraint is the check (C3, K4). */
export const uniqueValues = sqliteTable(
  'unique_values',
  {
    workspaceId: text('workspace_id').notNull(),
    formId: text('form_id').notNull(),
    fieldId: text('field_id').notNull(),
    valueFolded: text('value_folded').notNull(),
    recordId: text('record_id')
      .notNull()
      .references(() => records.id),
  },
  (t) => [
    unique().on(t.workspaceId, t.formId, t.fieldId, t.valueFolded),
    index('unique_values_by_record').on(t.recordId, t.fieldId),
  ],
);

/** Uploads. `formId` / `fieldId` (0003): the field an upload belongs to; download permission derives from it. */
export const files = sqliteTable(
  'files',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    deletedAt: text('deleted_at'),
    formId: text('form_id'),
    fieldId: text('field_id'),
  },
  (t) => [index('files_by_sha256').on(t.workspaceId, t.sha256)],
);
