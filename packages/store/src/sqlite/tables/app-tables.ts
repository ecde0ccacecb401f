import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { workspaces } from './org-tables.js';

export const apps = sqliteTable('apps', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** A form: its editable `draft` definition (JSON) and the published version records are written against. */
export const forms = sqliteTable(
  'forms',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    draft: text('draft', { mode: 'json' }).notNull(),
    publishedVersion: integer('published_version'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('forms_by_app').on(t.workspaceId, t.appId)],
);

/** Published definitions; immutable (a trigger rejects UPDATE). */
export const formVersions = sqliteTable(
  'form_versions',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    formId: text('form_id')
      .notNull()
      .references(() => forms.id),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull(),
    publishedBy: text('published_by'),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.formId, t.version] })],
);
