import type { FormDef, LocalizedText, PermissionGroupDef } from '@formflow/schema';
import type { Database } from 'better-sqlite3';
import { uuidV7 } from '../ids/uuid-v7.js';
import { type AppRow, type AppStatements, type AppSummaryRow, prepareAppStatements } from '../sqlite/app-statements.js';
import type {
  AppDefinition,
  AppSummary,
  CreateAppInput,
  CreateAppResult,
  StoredApp,
  UpdateAppInput,
  UpdateAppResult,
} from './app-types.js';
import { checkAppDefinitionWithForms } from './check-app-definition-with-forms.js';

/** The text an app sorts by: a plain name, else its zh-CN, else its English name. */
function sortName(name: LocalizedText): string {
  return typeof name === 'string' ? name : (name['zh-CN'] ?? name.en ?? '');
}

function summary(
  row: { id: string; workspace_id: string; created_at: string; updated_at: string },
  parts: { name: LocalizedText; description?: LocalizedText | undefined; icon?: string | null | undefined },
): AppSummary {
  const app: AppSummary = {
    id: row.id,
    workspaceId: row.workspace_id,
    name: parts.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (parts.description !== undefined) app.description = parts.description;
  if (parts.icon !== undefined && parts.icon !== null) app.icon = parts.icon;
  return app;
}

function toSummary(row: AppSummaryRow): AppSummary {
  const parse = (json: string | null) => (json === null ? undefined : (JSON.parse(json) as LocalizedText));
  return summary(row, { name: parse(row.name_json) ?? '', description: parse(row.description), icon: row.icon });
}

/**
 * Apps (应用): the app definition without its forms (views, workflows, automations, dashboards, permission groups),
 * keyed by (workspace, id). Every write is one transaction with an audit_log row (`app.created`, `app.updated`,
 * `app.deleted`). A definition is checked with the app's current form drafts, so references to unknown forms or
 * fields are refused. Deleting is soft: the app and its forms are no longer found; the id stays taken.
 */
export class AppRepository {
  private readonly sql: AppStatements;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = prepareAppStatements(db);
  }

  /** Creates an app (no forms yet: add them with FormRepository.createForm). The id is generated when absent. */
  createApp(input: CreateAppInput): CreateAppResult {
    const checked = checkAppDefinitionWithForms(input.definition, [], `app-${uuidV7()}`);
    if (!checked.ok) return { ok: false, reason: 'INVALID_DEFINITION', problems: checked.problems };
    const { definition } = checked;
    const { workspaceId, actor } = input;
    return this.sql.transaction((): CreateAppResult => {
      if (this.sql.appIdTaken(workspaceId, definition.id)) return { ok: false, reason: 'ID_TAKEN' };
      const at = this.now().toISOString();
      this.sql.insertApp(workspaceId, definition.id, sortName(definition.name), JSON.stringify(definition), at);
      this.sql.audit(workspaceId, actor, 'app.created', definition.id, '{}', at);
      return {
        ok: true,
        app: this.stored(
          { id: definition.id, workspace_id: workspaceId, created_at: at, updated_at: at },
          definition,
          [],
        ),
      };
    });
  }

  /** A live app of this workspace (undefined when unknown, deleted or in another workspace). */
  getApp(workspaceId: string, appId: string): StoredApp | undefined {
    return this.sql.read(() => {
      const row = this.sql.getApp(workspaceId, appId);
      return row && this.fromRow(row);
    });
  }

  /** The workspace's live apps, by name. */
  listApps(workspaceId: string): AppSummary[] {
    return this.sql.listApps(workspaceId).map(toSummary);
  }

  /** Replaces an app's definition (checked with its current form drafts). */
  updateApp(input: UpdateAppInput): UpdateAppResult {
    const { workspaceId, appId, actor } = input;
    return this.sql.transaction((): UpdateAppResult => {
      const row = this.sql.getApp(workspaceId, appId);
      if (!row) return { ok: false, reason: 'NOT_FOUND' };
      const forms = this.sql.formsOfApp(workspaceId, appId);
      const drafts = forms.map((f) => JSON.parse(f.draft) as FormDef);
      const checked = checkAppDefinitionWithForms(input.definition, drafts, appId, appId);
      if (!checked.ok) return { ok: false, reason: 'INVALID_DEFINITION', problems: checked.problems };
      const { definition } = checked;
      const at = this.now().toISOString();
      if (!this.sql.updateApp(workspaceId, appId, sortName(definition.name), JSON.stringify(definition), at)) {
        throw new Error(`app ${appId} vanished during an update`);
      }
      this.sql.audit(workspaceId, actor, 'app.updated', appId, '{}', at);
      const formIds = forms.map((f) => f.id);
      return { ok: true, app: this.stored({ ...row, updated_at: at }, definition, formIds) };
    });
  }

  /** Soft-deletes an app: it and its forms are no longer found. False when unknown, deleted or in another workspace. */
  deleteApp(workspaceId: string, appId: string, actor: string | null): boolean {
    return this.sql.transaction(() => {
      const at = this.now().toISOString();
      if (!this.sql.deleteApp(workspaceId, appId, at)) return false;
      this.sql.audit(workspaceId, actor, 'app.deleted', appId, '{}', at);
      return true;
    });
  }

  /** The permission groups of a live app ([] when it has none or is not found); reads only that part of the JSON. */
  permissionGroups(workspaceId: string, appId: string): PermissionGroupDef[] {
    const json = this.sql.permissionGroups(workspaceId, appId);
    return json ? (JSON.parse(json) as PermissionGroupDef[]) : [];
  }

  /** The revision of a live app: it changes with every update, so caches key on it (never on a timestamp). */
  revision(workspaceId: string, appId: string): number | undefined {
    return this.sql.appRevision(workspaceId, appId);
  }

  /** The live app a live form belongs to. */
  appOfForm(workspaceId: string, formId: string): StoredApp | undefined {
    return this.sql.read(() => {
      const row = this.sql.appOfForm(workspaceId, formId);
      return row && this.fromRow(row);
    });
  }

  private fromRow(row: AppRow): StoredApp {
    const definition = JSON.parse(row.definition) as AppDefinition;
    const formIds = this.sql.formIdsOfApp(row.workspace_id, row.id);
    return this.stored(row, definition, formIds);
  }

  private stored(
    row: { id: string; workspace_id: string; created_at: string; updated_at: string },
    definition: AppDefinition,
    formIds: string[],
  ): StoredApp {
    const parts = { name: definition.name, description: definition.description, icon: definition.icon };
    return { ...summary(row, parts), definition, formIds };
  }
}
