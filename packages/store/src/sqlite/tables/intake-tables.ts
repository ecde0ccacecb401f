import { foreignKey, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { forms } from './app-tables.js';
import { workspaces } from './org-tables.js';

/** 外链: a public form link accepting anonymous submissions to exactly `fields` (JSON array of field ids). */
export const publicLinks = sqliteTable(
  'public_links',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    formId: text('form_id').notNull(),
    token: text('token').notNull().unique(),
    name: text('name'),
    fields: text('fields', { mode: 'json' }).notNull(),
    enabled: integer('enabled').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    expiresAt: text('expires_at'),
    submissions: integer('submissions').notNull().default(0),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.formId], foreignColumns: [forms.workspaceId, forms.id] }),
    index('public_links_by_form').on(t.workspaceId, t.formId),
  ],
);

/** A record import: progress counters and a capped error report (`errors`, JSON array). */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    formId: text('form_id').notNull(),
    /** 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' (CHECK constraint). */
    status: text('status').notNull(),
    mode: text('mode').notNull(),
    fileName: text('file_name'),
    totalRows: integer('total_rows'),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsSkipped: integer('rows_skipped').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    errors: text('errors', { mode: 'json' }).notNull().default([]),
    error: text('error'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    updatedAt: text('updated_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.formId], foreignColumns: [forms.workspaceId, forms.id] }),
    index('import_jobs_by_form').on(t.workspaceId, t.formId, t.createdAt),
    index('import_jobs_by_status').on(t.status),
  ],
);
