import type { Migration } from '../migration.js';

/**
 * The system tables. Mirrors `../tables/*` (drizzle declarations for typed queries; a test checks they agree).
 * No ON DELETE CASCADE anywhere (RELIABILITY B4): rows are soft-deleted or removed explicitly.
 * The `records` table is a contract the filter compiler relies on: keep names and types.
 */
export const migration0001: Migration = {
  id: '0001',
  name: 'system-tables',
  statements: [
    `CREATE TABLE workspaces (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE members (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      name TEXT NOT NULL,
      email TEXT,
      status TEXT NOT NULL DEFAULT 'active',
      created_at TEXT NOT NULL
    )`,
    'CREATE INDEX members_by_workspace ON members (workspace_id)',
    `CREATE TABLE departments (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      parent_id TEXT REFERENCES departments (id),
      name TEXT NOT NULL,
      sort INTEGER NOT NULL DEFAULT 0
    )`,
    'CREATE INDEX departments_by_parent ON departments (workspace_id, parent_id)',
    `CREATE TABLE roles (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      name TEXT NOT NULL
    )`,
    `CREATE TABLE member_roles (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      role_id TEXT NOT NULL REFERENCES roles (id),
      PRIMARY KEY (member_id, role_id)
    )`,
    'CREATE INDEX member_roles_by_role ON member_roles (role_id)',
    `CREATE TABLE member_departments (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      department_id TEXT NOT NULL REFERENCES departments (id),
      PRIMARY KEY (member_id, department_id)
    )`,
    'CREATE INDEX member_departments_by_department ON member_departments (department_id)',
    `CREATE TABLE apps (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE forms (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      app_id TEXT NOT NULL REFERENCES apps (id),
      draft TEXT NOT NULL,
      published_version INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    'CREATE INDEX forms_by_app ON forms (workspace_id, app_id)',
    `CREATE TABLE form_versions (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      form_id TEXT NOT NULL REFERENCES forms (id),
      version INTEGER NOT NULL,
      definition TEXT NOT NULL,
      published_by TEXT,
      published_at TEXT NOT NULL,
      PRIMARY KEY (form_id, version)
    )`,
    `CREATE TRIGGER form_versions_immutable BEFORE UPDATE ON form_versions
      BEGIN SELECT RAISE(ABORT, 'form_versions rows are immutable'); END`,
    `CREATE TABLE records (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL,
      form_id TEXT NOT NULL,
      form_version INTEGER NOT NULL,
      data TEXT NOT NULL,
      search TEXT NOT NULL DEFAULT '{}',
      version INTEGER NOT NULL DEFAULT 1,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_by TEXT,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    )`,
    'CREATE INDEX records_by_form ON records (workspace_id, form_id, deleted_at, id)',
    `CREATE TABLE record_history (
      id INTEGER PRIMARY KEY,
      workspace_id TEXT NOT NULL,
      record_id TEXT NOT NULL REFERENCES records (id),
      version INTEGER NOT NULL,
      action TEXT NOT NULL,
      actor TEXT,
      at TEXT NOT NULL,
      changes TEXT NOT NULL,
      UNIQUE (record_id, version)
    )`,
    `CREATE TABLE comments (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL,
      record_id TEXT NOT NULL REFERENCES records (id),
      author TEXT,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    )`,
    'CREATE INDEX comments_by_record ON comments (workspace_id, record_id, id)',
    `CREATE TABLE workflow_instances (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL,
      workflow_id TEXT NOT NULL,
      workflow_version INTEGER NOT NULL,
      form_id TEXT NOT NULL,
      record_id TEXT NOT NULL REFERENCES records (id),
      status TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT '{}',
      version INTEGER NOT NULL DEFAULT 1,
      started_by TEXT,
      started_at TEXT NOT NULL,
      ended_at TEXT
    )`,
    'CREATE INDEX workflow_instances_by_record ON workflow_instances (workspace_id, record_id)',
    `CREATE TABLE workflow_tasks (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL,
      instance_id TEXT NOT NULL REFERENCES workflow_instances (id),
      node_id TEXT NOT NULL,
      assignee TEXT,
      status TEXT NOT NULL,
      decision TEXT,
      comment TEXT,
      created_at TEXT NOT NULL,
      due_at TEXT,
      completed_by TEXT,
      completed_at TEXT
    )`,
    'CREATE INDEX workflow_tasks_by_assignee ON workflow_tasks (workspace_id, assignee, status)',
    'CREATE INDEX workflow_tasks_by_instance ON workflow_tasks (instance_id)',
    `CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      workspace_id TEXT,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending',
      run_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL DEFAULT 5,
      idempotency_key TEXT UNIQUE,
      locked_by TEXT,
      locked_until TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    'CREATE INDEX jobs_due ON jobs (status, run_at)',
    `CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      workspace_id TEXT,
      topic TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      available_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL DEFAULT 'pending',
      last_error TEXT
    )`,
    'CREATE INDEX outbox_due ON outbox (status, available_at)',
    `CREATE TABLE files (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL,
      name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      storage_key TEXT NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL,
      deleted_at TEXT
    )`,
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      workspace_id TEXT,
      actor TEXT,
      action TEXT NOT NULL,
      target_type TEXT,
      target_id TEXT,
      detail TEXT NOT NULL DEFAULT '{}',
      at TEXT NOT NULL
    )`,
    'CREATE INDEX audit_log_by_workspace ON audit_log (workspace_id, at)',
    `CREATE TABLE serial_counters (
      form_id TEXT NOT NULL,
      field_id TEXT NOT NULL,
      period TEXT NOT NULL,
      value INTEGER NOT NULL,
      PRIMARY KEY (form_id, field_id, period)
    )`,
    `CREATE TABLE unique_values (
      workspace_id TEXT NOT NULL,
      form_id TEXT NOT NULL,
      field_id TEXT NOT NULL,
      value_folded TEXT NOT NULL,
      record_id TEXT NOT NULL REFERENCES records (id),
      UNIQUE (form_id, field_id, value_folded)
    )`,
    'CREATE INDEX unique_values_by_record ON unique_values (record_id, field_id)',
  ],
};
