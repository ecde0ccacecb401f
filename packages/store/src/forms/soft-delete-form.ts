import type { Database } from 'better-sqlite3';

const cache = new WeakMap<Database, ReturnType<typeof prepare>>();

function prepare(db: Database) {
  return {
    softDelete: db.prepare<[string, string, string, string]>(
      `UPDATE forms SET deleted_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`,
    ),
    audit: db.prepare<[string, string | null, string, string, string]>(
      `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
       VALUES (?, ?, 'form.deleted', 'form', ?, json(?), ?)`,
    ),
  };
}

/**
 * Soft-deletes a form: it is no longer found (drafts, versions, records routes answer 404), its records stay.
 * Call inside a transaction; false when the form is not live in this workspace.
 */
export function softDeleteForm(db: Database, workspaceId: string, formId: string, actor: string, at: string): boolean {
  let p = cache.get(db);
  if (!p) cache.set(db, (p = prepare(db)));
  if (p.softDelete.run(at, at, workspaceId, formId).changes !== 1) return false;
  p.audit.run(workspaceId, actor, formId, '{}', at);
  return true;
}
