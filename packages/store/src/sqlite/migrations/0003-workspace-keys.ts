import type { Migration } from '../migration.js';

/**
 * Workspace-scoped keys for apps and forms (review finding #6), and the tables of the HTTP API.
 *
 * Form ids come from definitions (templates), so two workspaces installing the same template carry the same form
 * ids: every key naming an app or a form starts with `workspace_id`. Rebuilt (create new, copy, drop, rename, per
 * SQLite's ALTER TABLE recipe; the runner turns foreign keys off around it and checks them before commit):
 * - `apps`: PRIMARY KEY (workspace_id, id); `definition` (the app without its forms), `revision` (bumped by every
 *   change, so caches of permission groups key on it, never on a timestamp), `deleted_at`.
 * - `forms`: PRIMARY KEY (workspace_id, id); (workspace_id, app_id) references apps; `deleted_at`.
 * - `form_versions`: PRIMARY KEY (workspace_id, form_id, version), references forms; the immutability trigger is
 *   recreated (dropping the table dropped it).
 * - `serial_counters`: `workspace_id` added to the key. An old counter goes to every workspace holding the form or
 *   records of it, at its current value (no number is ever handed out twice; at worst a gap).
 * - `unique_values`: UNIQUE (workspace_id, form_id, field_id, value_folded).
 * Added in place: `files.form_id` / `files.field_id` (the field an upload belongs to) and an index by content hash;
 * new tables `public_links` (外链) and `import_jobs`.
 */
export const migration0003: Migration = {
  id: '0003',
  name: 'workspace-keys',
  rebuildsTables: true,
  statements: [
    `CREATE TABLE apps_new (
      id TEXT NOT NULL,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      name TEXT NOT NULL,
      definition TEXT NOT NULL DEFAULT '{}',
      revision INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      PRIMARY KEY (workspace_id, id)
    )`,
    `INSERT INTO apps_new (id, workspace_id, name, definition, created_at, updated_at)
      SELECT id, workspace_id, name, json_object('id', id, 'name', name), created_at, updated_at FROM apps`,
    'DROP TABLE apps',
    'ALTER TABLE apps_new RENAME TO apps',

    `CREATE TABLE forms_new (
      id TEXT NOT NULL,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      app_id TEXT NOT NULL,
      draft TEXT NOT NULL,
      published_version INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, app_id) REFERENCES apps (workspace_id, id)
    )`,
    `INSERT INTO forms_new (id, workspace_id, app_id, draft, published_version, created_at, updated_at)
      SELECT id, workspace_id, app_id, draft, published_version, created_at, updated_at FROM forms`,
    'DROP TABLE forms',
    'ALTER TABLE forms_new RENAME TO forms',
    'CREATE INDEX forms_by_app ON forms (workspace_id, app_id)',

    `CREATE TABLE form_versions_new (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      form_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      definition TEXT NOT NULL,
      published_by TEXT,
      published_at TEXT NOT NULL,
      PRIMARY KEY (workspace_id, form_id, version),
      FOREIGN KEY (workspace_id, form_id) REFERENCES forms (workspace_id, id)
    )`,
    `INSERT INTO form_versions_new (workspace_id, form_id, version, definition, published_by, published_at)
      SELECT workspace_id, form_id, version, definition, published_by, published_at FROM form_versions`,
    'DROP TABLE form_versions',
    'ALTER TABLE form_versions_new RENAME TO form_versions',
    `CREATE TRIGGER form_versions_immutable BEFORE UPDATE ON form_versions
      BEGIN SELECT RAISE(ABORT, 'form_versions rows are immutable'); END`,

    `CREATE TABLE serial_counters_new (
      workspace_id TEXT NOT NULL,
      form_id TEXT NOT NULL,
      field_id TEXT NOT NULL,
      period TEXT NOT NULL,
      value INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, form_id, field_id, period)
    )`,
    `INSERT INTO serial_counters_new (workspace_id, form_id, field_id, period, value)
      SELECT owners.workspace_id, c.form_id, c.field_id, c.period, c.value FROM serial_counters c
      JOIN (SELECT workspace_id, id AS form_id FROM forms
            UNION SELECT DISTINCT workspace_id, form_id FROM records) owners ON owners.form_id = c.form_id`,
    'DROP TABLE serial_counters',
    'ALTER TABLE serial_counters_new RENAME TO serial_counters',

    `CREATE TABLE unique_values_new (
      workspace_id TEXT NOT NULL,
      form_id TEXT NOT NULL,
      field_id TEXT NOT NULL,
      value_folded TEXT NOT NULL,
      record_id TEXT NOT NULL REFERENCES records (id),
      UNIQUE (workspace_id, form_id, field_id, value_folded)
    )`,
    `INSERT INTO unique_values_new (workspace_id, form_id, field_id, value_folded, record_id)
      SELECT workspace_id, form_id, field_id, value_folded, record_id FROM unique_values`,
    'DROP TABLE unique_values',
    'ALTER TABLE unique_values_new RENAME TO unique_values',
    'CREATE INDEX unique_values_by_record ON unique_values (record_id, field_id)',

    'ALTER TABLE files ADD COLUMN form_id TEXT',
    'ALTER TABLE files ADD COLUMN field_id TEXT',
    'CREATE INDEX files_by_sha256 ON files (workspace_id, sha256)',

    `CREATE TABLE public_links (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      form_id TEXT NOT NULL,
      token TEXT NOT NULL UNIQUE,
      name TEXT,
      fields TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      expires_at TEXT,
      submissions INTEGER NOT NULL DEFAULT 0,
      FOREIGN KEY (workspace_id, form_id) REFERENCES forms (workspace_id, id)
    )`,
    'CREATE INDEX public_links_by_form ON public_links (workspace_id, form_id)',

    `CREATE TABLE import_jobs (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      form_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      mode TEXT NOT NULL,
      file_name TEXT,
      total_rows INTEGER,
      rows_done INTEGER NOT NULL DEFAULT 0,
      rows_imported INTEGER NOT NULL DEFAULT 0,
      rows_updated INTEGER NOT NULL DEFAULT 0,
      rows_skipped INTEGER NOT NULL DEFAULT 0,
      rows_failed INTEGER NOT NULL DEFAULT 0,
      errors TEXT NOT NULL DEFAULT '[]',
      error TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      updated_at TEXT NOT NULL,
      finished_at TEXT,
      FOREIGN KEY (workspace_id, form_id) REFERENCES forms (workspace_id, id)
    )`,
    'CREATE INDEX import_jobs_by_form ON import_jobs (workspace_id, form_id, created_at)',
    'CREATE INDEX import_jobs_by_status ON import_jobs (status)',
  ],
};
