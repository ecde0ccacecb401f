import type { FormDef } from '@formflow/schema';
import type { Database } from 'better-sqlite3';
import type { AppDefinition } from '../apps/app-types.js';
import { ensureFormIndexes, recordStats, refreshFormIndexStats } from './ensure-form-indexes.js';
import { formIndexPrefix, INDEX_NAME_PREFIX } from './plan-form-indexes.js';

export type LiveFormSources = { workspaceId: string; form: FormDef; app: AppDefinition };

/** Every live published form (its latest version) with its live app's definition, across workspaces. */
export function liveFormsWithApps(db: Database): LiveFormSources[] {
  const rows = db
    .prepare(
      `SELECT f.workspace_id AS workspaceId, v.definition AS form, a.definition AS app
       FROM forms f
       JOIN apps a ON a.workspace_id = f.workspace_id AND a.id = f.app_id AND a.deleted_at IS NULL
       JOIN form_versions v ON v.workspace_id = f.workspace_id AND v.form_id = f.id AND v.version = f.published_version
       WHERE f.deleted_at IS NULL AND f.published_version IS NOT NULL
       ORDER BY f.workspace_id, f.id`,
    )
    .all() as { workspaceId: string; form: string; app: string }[];
  return rows.map((r) => ({
    workspaceId: r.workspaceId,
    form: JSON.parse(r.form) as FormDef,
    app: JSON.parse(r.app) as AppDefinition,
  }));
}

export type SyncAllResult = { forms: number; created: string[]; dropped: string[]; analyzed: string[]; ms: number };

/**
 * On server start: every live published form gets the indexes its app asks for (ensureFormIndexes; a no-op when
 * they exist), indexes of forms that are gone are dropped, and statistics that no longer describe a form's size are
 * refreshed (refreshFormIndexStats). `onForm` reports per-form failures without stopping the others.
 */
export function syncAllFormIndexes(
  db: Database,
  onError: (error: unknown, workspaceId: string, formId: string) => void = () => undefined,
): SyncAllResult {
  const started = performance.now();
  const result: SyncAllResult = { forms: 0, created: [], dropped: [], analyzed: [], ms: 0 };
  const live = new Set<string>();
  let stats = recordStats(db);
  for (const { workspaceId, form, app } of liveFormsWithApps(db)) {
    live.add(formIndexPrefix(workspaceId, form.id));
    try {
      const sources = { views: app.views, permissionGroups: app.permissionGroups, dashboards: app.dashboards };
      const ensured = ensureFormIndexes(db, { workspaceId, form, sources });
      result.created.push(...ensured.created);
      result.dropped.push(...ensured.dropped);
      result.analyzed.push(...ensured.analyzed);
      const refreshed = ensured.created.length === 0 ? refreshFormIndexStats(db, workspaceId, form.id, stats) : [];
      result.analyzed.push(...refreshed);
      if (ensured.analyzed.length > 0 || refreshed.length > 0) stats = recordStats(db);
      result.forms++;
    } catch (error) {
      onError(error, workspaceId, form.id);
    }
  }
  const orphans = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'records' AND substr(name, 1, ?) = ?",
      )
      .all(INDEX_NAME_PREFIX.length, INDEX_NAME_PREFIX) as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !live.has(name.slice(0, formIndexPrefix('', '').length)));
  for (const name of orphans) db.exec(`DROP INDEX IF EXISTS "${name}"`);
  result.dropped.push(...orphans);
  result.ms = performance.now() - started;
  return result;
}
