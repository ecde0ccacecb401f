import type { Database } from 'better-sqlite3';

export type FormRow = {
  id: string;
  workspace_id: string;
  app_id: string;
  draft: string;
  published_version: number | null;
  updated_at: string;
};

export type FormVersionRow = {
  version: number;
  definition: string;
  published_by: string | null;
  published_at: string;
};

/** One record's value of one field: `value` is its JSON text, or null when the key is absent. */
export type FieldValueRow = { id: string; version: number; value: string | null };

export type FieldValueUpdate = {
  id: string;
  workspace_id: string;
  version: number;
  path: string;
  value: string;
  /** The folded search text of the new value, or null to drop the field from the search shadow. */
  search: string | null;
  actor: string | null;
  at: string;
};

/** Field ids are checked against this before they go into a JSON path (`$."<id>"`). */
export const FIELD_ID_REGEXP = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The JSON path of a top-level field; throws on an id that is not a valid field id. */
export function fieldPath(fieldId: string): string {
  if (!FIELD_ID_REGEXP.test(fieldId)) throw new Error(`invalid field id ${JSON.stringify(fieldId)}`);
  return `$."${fieldId}"`;
}

export type FormStatements = ReturnType<typeof prepareFormStatements>;

/**
 * The SQL of forms, form versions, their audit rows and schema-change writes on records, prepared once per
 * connection. Every statement carries the workspace predicate; JSON paths are bound parameters built by `fieldPath`.
 */
export function prepareFormStatements(db: Database) {
  const appExists = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM apps WHERE id = ? AND workspace_id = ?',
  );
  const formIdTaken = db.prepare<[string], { id: string }>('SELECT id FROM forms WHERE id = ?');
  const insertForm = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO forms (id, workspace_id, app_id, draft, published_version, created_at, updated_at)
     VALUES (?, ?, ?, json(?), NULL, ?, ?)`,
  );
  const getForm = db.prepare<[string, string], FormRow>(
    'SELECT id, workspace_id, app_id, draft, published_version, updated_at FROM forms WHERE id = ? AND workspace_id = ?',
  );
  const updateDraft = db.prepare<[string, string, string, string]>(
    'UPDATE forms SET draft = json(?), updated_at = ? WHERE id = ? AND workspace_id = ?',
  );
  const setPublished = db.prepare<[number, string, string, string]>(
    'UPDATE forms SET published_version = ?, updated_at = ? WHERE id = ? AND workspace_id = ?',
  );
  const insertVersion = db.prepare<[string, string, number, string, string | null, string]>(
    `INSERT INTO form_versions (workspace_id, form_id, version, definition, published_by, published_at)
     VALUES (?, ?, ?, json(?), ?, ?)`,
  );
  const getVersion = db.prepare<[string, string, number], FormVersionRow>(
    `SELECT version, definition, published_by, published_at FROM form_versions
     WHERE workspace_id = ? AND form_id = ? AND version = ?`,
  );
  const listVersions = db.prepare<[string, string], Omit<FormVersionRow, 'definition'>>(
    `SELECT version, published_by, published_at FROM form_versions
     WHERE workspace_id = ? AND form_id = ? ORDER BY version`,
  );
  const insertAudit = db.prepare<[string, string | null, string, string, string, string]>(
    `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
     VALUES (?, ?, ?, 'form', ?, json(?), ?)`,
  );
  // `->` returns JSON text (strings quoted, booleans kept), so the value round-trips exactly through JSON.parse.
  const fieldValues = db.prepare<[string, string, string], FieldValueRow>(
    `SELECT id, version, data -> ? AS value FROM records
     WHERE workspace_id = ? AND form_id = ? AND deleted_at IS NULL ORDER BY id`,
  );
  const updateFieldValue = db.prepare<[FieldValueUpdate]>(
    `UPDATE records SET data = json_set(data, @path, json(@value)),
       search = CASE WHEN @search IS NULL THEN json_remove(search, @path) ELSE json_set(search, @path, @search) END,
       version = version + 1, updated_by = @actor, updated_at = @at
     WHERE id = @id AND workspace_id = @workspace_id AND version = @version AND deleted_at IS NULL`,
  );
  const insertHistory = db.prepare<[string, string, number, string | null, string, string]>(
    `INSERT INTO record_history (workspace_id, record_id, version, action, actor, at, changes)
     VALUES (?, ?, ?, 'type_change', ?, ?, json(?))`,
  );
  const releaseUnique = db.prepare<[string, string, string]>(
    'DELETE FROM unique_values WHERE workspace_id = ? AND record_id = ? AND field_id = ?',
  );
  const claimUnique = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO unique_values (workspace_id, form_id, field_id, value_folded, record_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (form_id, field_id, value_folded) DO NOTHING`,
  );

  return {
    /** `fn` in one IMMEDIATE transaction (writes) or a deferred one (reads: a consistent snapshot). */
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    read: <T>(fn: () => T): T => db.transaction(fn).deferred(),
    appExists: (workspaceId: string, appId: string): boolean => appExists.get(appId, workspaceId) !== undefined,
    formIdTaken: (formId: string): boolean => formIdTaken.get(formId) !== undefined,
    insertForm: (formId: string, workspaceId: string, appId: string, draft: string, at: string): void =>
      void insertForm.run(formId, workspaceId, appId, draft, at, at),
    getForm: (workspaceId: string, formId: string): FormRow | undefined => getForm.get(formId, workspaceId),
    updateDraft: (workspaceId: string, formId: string, draft: string, at: string): boolean =>
      updateDraft.run(draft, at, formId, workspaceId).changes === 1,
    setPublished: (workspaceId: string, formId: string, version: number, at: string): boolean =>
      setPublished.run(version, at, formId, workspaceId).changes === 1,
    insertVersion: (
      workspaceId: string,
      formId: string,
      version: number,
      definition: string,
      actor: string | null,
      at: string,
    ): void => void insertVersion.run(workspaceId, formId, version, definition, actor, at),
    getVersion: (workspaceId: string, formId: string, version: number): FormVersionRow | undefined =>
      getVersion.get(workspaceId, formId, version),
    listVersions: (workspaceId: string, formId: string): Omit<FormVersionRow, 'definition'>[] =>
      listVersions.all(workspaceId, formId),
    audit: (workspaceId: string, actor: string | null, action: string, formId: string, detail: string, at: string) =>
      void insertAudit.run(workspaceId, actor, action, formId, detail, at),
    fieldValues: (workspaceId: string, formId: string, fieldId: string): FieldValueRow[] =>
      fieldValues.all(fieldPath(fieldId), workspaceId, formId),
    updateFieldValue: (update: FieldValueUpdate): boolean => updateFieldValue.run(update).changes === 1,
    insertHistory: (
      workspaceId: string,
      recordId: string,
      version: number,
      actor: string | null,
      at: string,
      changes: string,
    ) => void insertHistory.run(workspaceId, recordId, version, actor, at, changes),
    releaseUnique: (workspaceId: string, recordId: string, fieldId: string): void =>
      void releaseUnique.run(workspaceId, recordId, fieldId),
    /** True when claimed; false when another record holds the value. */
    claimUnique: (workspaceId: string, formId: string, fieldId: string, key: string, recordId: string): boolean =>
      claimUnique.run(workspaceId, formId, fieldId, key, recordId).changes === 1,
  };
}
