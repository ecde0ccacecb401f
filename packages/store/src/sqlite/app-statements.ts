import type { Database } from 'better-sqlite3';

/** An `apps` row; `definition` is JSON text (the app without its forms). */
export type AppRow = {
  id: string;
  workspace_id: string;
  definition: string;
  created_at: string;
  updated_at: string;
};

/** An app as lists read it: the display parts of the definition as JSON text, not the whole definition. */
export type AppSummaryRow = {
  id: string;
  workspace_id: string;
  name_json: string | null;
  description: string | null;
  icon: string | null;
  created_at: string;
  updated_at: string;
};

const APP_COLUMNS = 'a.id, a.workspace_id, a.definition, a.created_at, a.updated_at';

export type AppStatements = ReturnType<typeof prepareAppStatements>;

/**
 * The SQL of apps, prepared once per connection. Apps are keyed by (workspace, id); every statement carries the
 * workspace, and a deleted app (`deleted_at` set) is found only by `appIdTaken` (its id stays taken).
 */
export function prepareAppStatements(db: Database) {
  const insertApp = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO apps (id, workspace_id, name, definition, created_at, updated_at)
     VALUES (?, ?, ?, json(?), ?, ?)`,
  );
  const appIdTaken = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM apps WHERE workspace_id = ? AND id = ?',
  );
  const getApp = db.prepare<[string, string], AppRow>(
    `SELECT ${APP_COLUMNS} FROM apps a WHERE a.workspace_id = ? AND a.id = ? AND a.deleted_at IS NULL`,
  );
  const listApps = db.prepare<[string], AppSummaryRow>(
    `SELECT id, workspace_id, definition -> '$.name' AS name_json, definition -> '$.description' AS description,
       definition ->> '$.icon' AS icon, created_at, updated_at
     FROM apps WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY name, id`,
  );
  const updateApp = db.prepare<[string, string, string, string, string]>(
    `UPDATE apps SET name = ?, definition = json(?), updated_at = ?, revision = revision + 1
     WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`,
  );
  const deleteApp = db.prepare<[string, string, string, string]>(
    `UPDATE apps SET deleted_at = ?, updated_at = ?, revision = revision + 1 WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`,
  );
  const appHead = db.prepare<[string, string], { revision: number }>(
    'SELECT revision FROM apps WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL',
  );
  const formsOfApp = db.prepare<[string, string], { id: string; draft: string }>(
    `SELECT id, draft FROM forms WHERE workspace_id = ? AND app_id = ? AND deleted_at IS NULL
     ORDER BY created_at, id`,
  );
  const formIdsOfApp = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM forms WHERE workspace_id = ? AND app_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  );
  const permissionGroups = db.prepare<[string, string], { groups: string | null }>(
    `SELECT definition -> '$.permissionGroups' AS groups FROM apps
     WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`,
  );
  const appOfForm = db.prepare<[string, string], AppRow>(
    `SELECT ${APP_COLUMNS} FROM forms f JOIN apps a ON a.workspace_id = f.workspace_id AND a.id = f.app_id
     WHERE f.workspace_id = ? AND f.id = ? AND f.deleted_at IS NULL AND a.deleted_at IS NULL`,
  );
  const insertAudit = db.prepare<[string, string | null, string, string, string, string]>(
    `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
     VALUES (?, ?, ?, 'app', ?, json(?), ?)`,
  );

  return {
    /** `fn` in one IMMEDIATE transaction (writes) or a deferred one (reads: a consistent snapshot). */
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    read: <T>(fn: () => T): T => db.transaction(fn).deferred(),
    insertApp: (workspaceId: string, appId: string, name: string, definition: string, at: string): void =>
      void insertApp.run(appId, workspaceId, name, definition, at, at),
    appIdTaken: (workspaceId: string, appId: string): boolean => appIdTaken.get(workspaceId, appId) !== undefined,
    getApp: (workspaceId: string, appId: string): AppRow | undefined => getApp.get(workspaceId, appId),
    listApps: (workspaceId: string): AppSummaryRow[] => listApps.all(workspaceId),
    updateApp: (workspaceId: string, appId: string, name: string, definition: string, at: string): boolean =>
      updateApp.run(name, definition, at, workspaceId, appId).changes === 1,
    deleteApp: (workspaceId: string, appId: string, at: string): boolean =>
      deleteApp.run(at, at, workspaceId, appId).changes === 1,
    /** The app's live forms (id and draft JSON), oldest first. */
    formsOfApp: (workspaceId: string, appId: string): { id: string; draft: string }[] =>
      formsOfApp.all(workspaceId, appId),
    formIdsOfApp: (workspaceId: string, appId: string): string[] =>
      formIdsOfApp.all(workspaceId, appId).map((row) => row.id),
    /** The `permissionGroups` JSON of a live app: null when absent; undefined when the app is not found. */
    permissionGroups: (workspaceId: string, appId: string): string | null | undefined =>
      permissionGroups.get(workspaceId, appId)?.groups,
    appOfForm: (workspaceId: string, formId: string): AppRow | undefined => appOfForm.get(workspaceId, formId),
    /** The revision of a live app (bumped by every update and delete), or undefined. */
    appRevision: (workspaceId: string, appId: string): number | undefined => appHead.get(workspaceId, appId)?.revision,
    audit: (workspaceId: string, actor: string | null, action: string, appId: string, detail: string, at: string) =>
      void insertAudit.run(workspaceId, actor, action, appId, detail, at),
  };
}
