import type { Migration } from '../migration.js';

/** The tables whose rows decide who a member is for permissions (role, departments, roles). */
const DIRECTORY_TABLES = ['members', 'member_roles', 'member_departments', 'departments', 'roles'] as const;

const bump = (row: 'NEW' | 'OLD') =>
  `INSERT INTO directory_revisions (workspace_id, revision) VALUES (${row}.workspace_id, 1)
     ON CONFLICT (workspace_id) DO UPDATE SET revision = revision + 1;`;

/**
 * `directory_revisions`: a counter per workspace that every change to members, roles, departments and memberships
 * bumps, by trigger, so no write path (repository, CLI, another process, a restore) can forget it. The permission
 * viewer of a member (a recursive query over the department tree, run on every request) is cached per revision:
 * reading the counter is one primary-key lookup.
 */
export const migration0005: Migration = {
  id: '0005',
  name: 'directory-revisions',
  statements: [
    `CREATE TABLE directory_revisions (
      workspace_id TEXT PRIMARY KEY,
      revision INTEGER NOT NULL
    ) WITHOUT ROWID`,
    ...DIRECTORY_TABLES.flatMap((table) => [
      `CREATE TRIGGER ${table}_revision_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW')} END`,
      `CREATE TRIGGER ${table}_revision_update AFTER UPDATE ON ${table} BEGIN ${bump('NEW')} ${bump('OLD')} END`,
      `CREATE TRIGGER ${table}_revision_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD')} END`,
    ]),
  ],
};
