import type { AppDef, LocalizedText, Problem } from '@formflow/schema';

/** An app definition as the apps table keeps it: everything but the forms (those live in `forms`, one row each). */
export type AppDefinition = Omit<AppDef, 'forms'>;

export type AppSummary = {
  id: string;
  workspaceId: string;
  name: LocalizedText;
  description?: LocalizedText;
  icon?: string;
  createdAt: string;
  updatedAt: string;
};

export type StoredApp = AppSummary & {
  definition: AppDefinition;
  /** The app's live forms, oldest first. */
  formIds: string[];
};

export type CreateAppInput = {
  workspaceId: string;
  /** An app definition without forms (or with `forms: []`); `id` is generated when absent. */
  definition: unknown;
  actor: string | null;
};

export type UpdateAppInput = {
  workspaceId: string;
  appId: string;
  /** The whole new definition without forms; its `id`, when present, must be `appId`. */
  definition: unknown;
  actor: string | null;
};

export type AppProblems = { ok: false; reason: 'INVALID_DEFINITION'; problems: Problem[] };

export type CreateAppResult =
  | { ok: true; app: StoredApp }
  | AppProblems
  /** The id is used by another app of the workspace, deleted ones included. */
  | { ok: false; reason: 'ID_TAKEN' };

export type UpdateAppResult = { ok: true; app: StoredApp } | { ok: false; reason: 'NOT_FOUND' } | AppProblems;
