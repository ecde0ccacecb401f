import type { Database, Statement } from 'better-sqlite3';

/** A member row joined with its workspace, as the auth queries read it. */
export type MemberRow = {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  role: string;
  status: string;
  created_at: string;
  password_hash: string | null;
  workspace_name: string;
};

const MEMBER_COLUMNS = `m.id, m.workspace_id, m.name, m.email, m.role, m.status, m.created_at, m.password_hash,
  w.name AS workspace_name`;

/**
 * The workspace's directory revision (migration 0005), read with the caller in the same statement: the permission
 * viewer is cached per revision, so a request then needs no second read to know whether its cached viewer holds.
 */
const DIRECTORY_REVISION = 'COALESCE(dr.revision, 0) AS directory_revision';

/** Every auth query, prepared once per connection. Each one that reads a member carries its workspace (H4). */
export type AuthStatements = {
  insertWorkspace: Statement<[string, string, string]>;
  insertMember: Statement<[string, string, string, string, string, string | null, string, string]>;
  claimInstanceSetup: Statement<[string, string, string]>;
  countWorkspaces: Statement<[], { n: number }>;
  workspaceExists: Statement<[string], { id: string }>;
  membersByEmail: Statement<[string], MemberRow>;
  memberByEmailInWorkspace: Statement<[string, string], MemberRow>;
  memberById: Statement<[string, string], MemberRow>;
  setMemberStatus: Statement<[string, string, string]>;
  insertSession: Statement<[string, string, string, string, string, string]>;
  sessionContext: Statement<[string, string], MemberRow & { touched_at: string; directory_revision: number }>;
  touchSession: Statement<[string, string, string]>;
  revokeSession: Statement<[string, string]>;
  insertApiKey: Statement<[string, string, string, string, string, string, string]>;
  apiKeyContext: Statement<
    [string, string],
    MemberRow & { api_key_id: string; touched_at: string | null; directory_revision: number }
  >;
  touchApiKey: Statement<[string, string, string]>;
  revokeApiKey: Statement<[string, string, string]>;
  listApiKeys: Statement<
    [string],
    {
      id: string;
      member_id: string;
      name: string;
      prefix: string;
      created_at: string;
      last_used_at: string | null;
      revoked_at: string | null;
    }
  >;
  insertAudit: Statement<[string, string | null, string, string, string, string, string]>;
};

export function prepareAuthStatements(db: Database): AuthStatements {
  return {
    insertWorkspace: db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)'),
    insertMember: db.prepare(
      `INSERT INTO members (id, workspace_id, name, email, email_folded, password_hash, role, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)`,
    ),
    claimInstanceSetup: db.prepare(
      'INSERT INTO instance_setup (id, workspace_id, owner_member_id, created_at) VALUES (1, ?, ?, ?)',
    ),
    countWorkspaces: db.prepare('SELECT count(*) AS n FROM workspaces'),
    workspaceExists: db.prepare('SELECT id FROM workspaces WHERE id = ?'),
    membersByEmail: db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.email_folded = ? ORDER BY m.created_at, m.id LIMIT 10`,
    ),
    memberByEmailInWorkspace: db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.workspace_id = ? AND m.email_folded = ?`,
    ),
    memberById: db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.workspace_id = ? AND m.id = ?`,
    ),
    setMemberStatus: db.prepare('UPDATE members SET status = ? WHERE workspace_id = ? AND id = ?'),
    insertSession: db.prepare(
      `INSERT INTO sessions (id, member_id, workspace_id, created_at, expires_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    // The session's workspace must be the member's workspace: a row can never yield another tenant (H4).
    sessionContext: db.prepare(
      `SELECT ${MEMBER_COLUMNS}, s.last_seen_at AS touched_at, ${DIRECTORY_REVISION} FROM sessions s
       JOIN members m ON m.id = s.member_id AND m.workspace_id = s.workspace_id
       JOIN workspaces w ON w.id = m.workspace_id
       LEFT JOIN directory_revisions dr ON dr.workspace_id = m.workspace_id
       WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND m.status = 'active'`,
    ),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?'),
    revokeSession: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    insertApiKey: db.prepare(
      `INSERT INTO api_keys (id, workspace_id, member_id, name, prefix, hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    apiKeyContext: db.prepare(
      `SELECT ${MEMBER_COLUMNS}, k.id AS api_key_id, k.last_used_at AS touched_at, ${DIRECTORY_REVISION}
       FROM api_keys k
       JOIN members m ON m.id = k.member_id AND m.workspace_id = k.workspace_id
       JOIN workspaces w ON w.id = m.workspace_id
       LEFT JOIN directory_revisions dr ON dr.workspace_id = m.workspace_id
       WHERE k.hash = ? AND k.prefix = ? AND k.revoked_at IS NULL AND m.status = 'active'`,
    ),
    touchApiKey: db.prepare(
      'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
    ),
    revokeApiKey: db.prepare(
      'UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL',
    ),
    listApiKeys: db.prepare(
      `SELECT id, member_id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys
       WHERE workspace_id = ? ORDER BY created_at, id`,
    ),
    insertAudit: db.prepare(
      `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}
