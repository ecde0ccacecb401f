import { foreignKey, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { workspaces } from './org-tables.js';

/**
 * An app: `definition` is the app definition without its forms (JSON); `name` mirrors its display name for sorting.
 * Keyed by (workspace, id): ids come from definitions, so two workspaces may install the same template (#6).
 */
export const apps = sqliteTable(
  'apps',
  {
    id: text('id').notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    definition: text('definition', { mode: 'json' }).notNull().default({}),
    revision: integer('revision').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** A form: its editable `draft` definition (JSON) and the published version records are written against. */
export const forms = sqliteTable(
  'forms',
  {
    id: text('id').notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    appId: text('app_id').notNull(),
    draft: text('draft', { mode: 'json' }).notNull(),
    publishedVersion: integer('published_version'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.appId], foreignColumns: [apps.workspaceId, apps.id] }),
    index('forms_by_app').on(t.workspaceId, t.appId),
  ],
);

/** Published definitions; immutable (a trigger rejects UPDATE). */
export const formVersions = sqliteTable(
  'form_versions',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    formId: text('form_id').notNull(),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull(),
    publishedBy: text('published_by'),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.formId, t.version] }),
    foreignKey({ columns: [t.workspaceId, t.formId], foreignColumns: [forms.workspaceId, forms.id] }),
  ],
);
