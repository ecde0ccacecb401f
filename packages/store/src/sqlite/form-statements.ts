import type { Database } from 'better-sqlite3';

export type FormRow = {
  id: string;
  workspace_id: string;
  app_id: string;
  draft: string;
  published_version: number | null;
  updated_at: string;
};

/** A form as lists show it: `name` / `description` are the draft's, as JSON text (LocalizedText). */
export type FormSummaryRow = Omit<FormRow, 'draft'> & { name: string | null; description: string | null };

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
  /** The form version the record is now written with; null keeps the record's own. */
  form_version: number | null;
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

/** A form is reachable while neither it nor its app is deleted. `f` is forms, `a` apps. */
const REACHABLE = `JOIN apps a ON a.workspace_id = f.workspace_id AND a.id = f.app_id
  WHERE f.deleted_at IS NULL AND a.deleted_at IS NULL`;

/**
 * The SQL of forms, form versions, their audit rows and schema-change writes on records, prepared once per
 * connection. Every statement carries the workspace predicate; JSON paths are bound parameters built by `fieldPath`.
 * Forms are keyed by (workspace, id); a form of a deleted app (or a deleted form) is not found.
 */
export function prepareFormStatements(db: Database) {
  const appExists = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM apps WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL',
  );
  // Deleted forms keep their id: it stays taken in the workspace.
  const formIdTaken = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM forms WHERE workspace_id = ? AND id = ?',
  );
  const insertForm = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO forms (id, workspace_id, app_id, draft, published_version, created_at, updated_at)
     VALUES (?, ?, ?, json(?), NULL, ?, ?)`,
  );
  const getForm = db.prepare<[string, string], FormRow>(
    `SELECT f.id, f.workspace_id, f.app_id, f.draft, f.published_version, f.updated_at FROM forms f
     ${REACHABLE} AND f.id = ? AND f.workspace_id = ?`,
  );
  const formHead = db.prepare<
    [string, string],
    { app_id: string; published_version: number | null; app_revision: number }
  >(
    `SELECT f.app_id, f.published_version, a.revision AS app_revision FROM forms f ${REACHABLE}
       AND f.id = ? AND f.workspace_id = ?`,
  );
  const listForms = db.prepare<[string, string], FormSummaryRow>(
    `SELECT f.id, f.workspace_id, f.app_id, f.draft -> '$.name' AS name, f.draft -> '$.description' AS description,
       f.published_version, f.updated_at FROM forms f
     ${REACHABLE} AND f.workspace_id = ? AND f.app_id = ? ORDER BY f.created_at, f.id`,
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
    `SELECT v.version, v.definition, v.published_by, v.published_at FROM form_versions v
     JOIN forms f ON f.workspace_id = v.workspace_id AND f.id = v.form_id
     ${REACHABLE} AND v.workspace_id = ? AND v.form_id = ? AND v.version = ?`,
  );
  const listVersions = db.prepare<[string, string], Omit<FormVersionRow, 'definition'>>(
    `SELECT v.version, v.published_by, v.published_at FROM form_versions v
     JOIN forms f ON f.workspace_id = v.workspace_id AND f.id = v.form_id
     ${REACHABLE} AND v.workspace_id = ? AND v.form_id = ? ORDER BY v.version`,
  );
  const insertAudit = db.prepare<[string, string | null, string, string, string, string]>(
    `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
     VALUES (?, ?, ?, 'form', ?, json(?), ?)`,
  );
  // `->` returns JSON text (strings quoted, booleans kept), so the value round-trips exactly through JSON.parse.
  // Records in the recycle bin are included: they can be restored, so they are converted too (review #5).
  const fieldValues = db.prepare<[string, string, string], FieldValueRow>(
    `SELECT id, version, data -> ? AS value FROM records WHERE workspace_id = ? AND form_id = ? ORDER BY id`,
  );
  const updateFieldValue = db.prepare<[FieldValueUpdate]>(
    `UPDATE records SET data = json_set(data, @path, json(@value)),
       search = CASE WHEN @search IS NULL THEN json_remove(search, @path) ELSE json_set(search, @path, @search) END,
       form_version = coalesce(@form_version, form_version),
       version = version + 1, updated_by = @actor, updated_at = @at
     WHERE id = @id AND workspace_id = @workspace_id AND version = @version`,
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
     ON CONFLICT (workspace_id, form_id, field_id, value_folded) DO NOTHING`,
  );

  return {
    /** `fn` in one IMMEDIATE transaction (writes) or a deferred one (reads: a consistent snapshot). */
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    read: <T>(fn: () => T): T => db.transaction(fn).deferred(),
    appExists: (workspaceId: string, appId: string): boolean => appExists.get(appId, workspaceId) !== undefined,
    formIdTaken: (workspaceId: string, formId: string): boolean => formIdTaken.get(workspaceId, formId) !== undefined,
    insertForm: (formId: string, workspaceId: string, appId: string, draft: string, at: string): void =>
      void insertForm.run(formId, workspaceId, appId, draft, at, at),
    getForm: (workspaceId: string, formId: string): FormRow | undefined => getForm.get(formId, workspaceId),
    /** App and published version of a reachable form: one indexed row, no JSON parsed (every request reads it). */
    formHead: (workspaceId: string, formId: string) => formHead.get(formId, workspaceId),
    listForms: (workspaceId: string, appId: string): FormSummaryRow[] => listForms.all(workspaceId, appId),
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
