import type { Database } from 'better-sqlite3';

function prepare(db: Database) {
  return {
    getWorkspace: db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = ?'),
    renameWorkspace: db.prepare<[string, string]>('UPDATE workspaces SET name = ? WHERE id = ?'),
    renameMember: db.prepare<[string, string, string]>('UPDATE members SET name = ? WHERE workspace_id = ? AND id = ?'),
    audit: db.prepare<[string, string | null, string, string, string, string, string]>(
      `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
       VALUES (?, ?, ?, ?, ?, json(?), ?)`,
    ),
  };
}

type Prepared = ReturnType<typeof prepare>;

const cache = new WeakMap<Database, Prepared>();

function prepared(db: Database): Prepared {
  let p = cache.get(db);
  if (!p) {
    p = prepare(db);
    cache.set(db, p);
  }
  return p;
}

/**
 * Workspace and member names: read the workspace, rename it, rename a member, each rename audited in the same
 * transaction. Every statement is scoped by workspace; callers pass names already normalised (normaliseName).
 */
export const workspaceNames = {
  get(db: Database, workspaceId: string): { id: string; name: string } | undefined {
    return prepared(db).getWorkspace.get(workspaceId);
  },
  renameWorkspace(db: Database, workspaceId: string, name: string, actor: string, at: string): boolean {
    const p = prepared(db);
    return db
      .transaction(() => {
        if (p.renameWorkspace.run(name, workspaceId).changes !== 1) return false;
        p.audit.run(workspaceId, actor, 'workspace.renamed', 'workspace', workspaceId, JSON.stringify({ name }), at);
        return true;
      })
      .immediate();
  },
  renameMember(db: Database, workspaceId: string, memberId: string, name: string, actor: string, at: string) {
    const p = prepared(db);
    return db
      .transaction(() => {
        if (p.renameMember.run(name, workspaceId, memberId).changes !== 1) return false;
        p.audit.run(workspaceId, actor, 'member.renamed', 'member', memberId, JSON.stringify({ name }), at);
        return true;
      })
      .immediate();
  },
};
