import { checkAppDefinition } from '@formflow/engine';
import type { FormDef, LocalizedText, Problem } from '@formflow/schema';
import type { Database } from 'better-sqlite3';
import { changeFieldType } from './change-field-type.js';
import { diffFields } from './form-diff.js';
import {
  type FormRow,
  type FormStatements,
  type FormSummaryRow,
  prepareFormStatements,
} from '../sqlite/form-statements.js';
import type {
  ChangeFieldTypeInput,
  ChangeFieldTypeResult,
  CreateFormInput,
  CreateFormResult,
  DraftDiff,
  FormDraft,
  FormSummary,
  FormVersionInfo,
  PublishedForm,
  PublishInput,
  PublishResult,
  SaveDraftInput,
  SaveDraftResult,
} from './form-types.js';
import { Rollback, toJson, writeTransaction } from './write-transaction.js';

function toDraft(row: FormRow): FormDraft {
  return {
    workspaceId: row.workspace_id,
    formId: row.id,
    appId: row.app_id,
    definition: JSON.parse(row.draft) as FormDef,
    publishedVersion: row.published_version,
    updatedAt: row.updated_at,
  };
}

function toSummary(row: FormSummaryRow): FormSummary {
  const summary: FormSummary = {
    workspaceId: row.workspace_id,
    formId: row.id,
    appId: row.app_id,
    name: JSON.parse(row.name ?? '""') as LocalizedText,
    publishedVersion: row.published_version,
    updatedAt: row.updated_at,
  };
  if (row.description !== null) summary.description = JSON.parse(row.description) as LocalizedText;
  return summary;
}

const problem = (path: string, code: string, message: string): Problem => ({ path, code, message });

/**
 * Forms: a draft per form and immutable published versions (DESIGN §3). Every query carries the workspace; every
 * write is one transaction with an audit_log row. Fields are never dropped: deleting one sets `deleted: true` in the
 * draft (values stay in records, RELIABILITY B2), and a publish that drops a field id is refused (FIELD_REMOVED).
 * Renames (label, key) are definition changes only: records are keyed by field id (B1).
 * Form ids are unique per workspace (two workspaces may install the same template); a form whose app is deleted is
 * not found by any method.
 */
export class FormRepository {
  private readonly sql: FormStatements;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = prepareFormStatements(db);
  }

  /**
   * Creates a form from a definition checked by the engine; with problems, nothing is written. NOT_FOUND when the app
   * does not exist in this workspace or is deleted; a form id already used in the workspace is DUPLICATE_FORM_ID.
   */
  createForm(input: CreateFormInput): CreateFormResult {
    const problems = checkAppDefinition(input.definition, 'form');
    if (problems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems };
    const definition = input.definition as FormDef;
    return writeTransaction(this.sql, (): CreateFormResult => {
      if (!this.sql.appExists(input.workspaceId, input.appId)) return { ok: false, reason: 'NOT_FOUND' };
      if (this.sql.formIdTaken(input.workspaceId, definition.id)) {
        const taken = problem('id', 'DUPLICATE_FORM_ID', `form id "${definition.id}" is already in use`);
        return { ok: false, reason: 'INVALID_DEFINITION', problems: [taken] };
      }
      const at = this.now().toISOString();
      this.sql.insertForm(definition.id, input.workspaceId, input.appId, toJson(definition, 'form definition'), at);
      this.sql.audit(input.workspaceId, input.actor, 'form.created', definition.id, '{}', at);
      const row = this.sql.getForm(input.workspaceId, definition.id);
      if (!row) throw new Error('created form not found');
      return { ok: true, form: toDraft(row) };
    });
  }

  /** The forms of an app (drafts' names, no definitions), oldest first; empty for an unknown or deleted app. */
  listForms(workspaceId: string, appId: string): FormSummary[] {
    return this.sql.listForms(workspaceId, appId).map(toSummary);
  }

  getDraft(workspaceId: string, formId: string): FormDraft | undefined {
    const row = this.sql.getForm(workspaceId, formId);
    return row ? toDraft(row) : undefined;
  }

  /**
   * Replaces the draft. A field's type cannot change here (its records would not match): use changeFieldType.
   * Marking a field `deleted: true` (or clearing it) also writes a `form.field_deleted` / `form.field_restored` row.
   */
  saveDraft(input: SaveDraftInput): SaveDraftResult {
    const { workspaceId, formId, actor } = input;
    const problems = checkAppDefinition(input.definition, 'form');
    if (problems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems };
    const definition = input.definition as FormDef;
    if (definition.id !== formId) {
      const wrongId = problem('id', 'FORM_ID_MISMATCH', `the definition's id must stay "${formId}"`);
      return { ok: false, reason: 'INVALID_DEFINITION', problems: [wrongId] };
    }
    return writeTransaction(this.sql, (): SaveDraftResult => {
      const row = this.sql.getForm(workspaceId, formId);
      if (!row) return { ok: false, reason: 'NOT_FOUND' };
      const previous = JSON.parse(row.draft) as FormDef;
      const typeProblems = typeChanges(previous, definition);
      if (typeProblems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems: typeProblems };
      const at = this.now().toISOString();
      this.sql.updateDraft(workspaceId, formId, toJson(definition, 'form definition'), at);
      const diff = diffFields(previous, definition);
      this.sql.audit(workspaceId, actor, 'form.draft_saved', formId, toJson(diff, 'diff'), at);
      for (const fieldId of diff.deleted) {
        this.sql.audit(workspaceId, actor, 'form.field_deleted', formId, toJson({ fieldId }, 'detail'), at);
      }
      for (const fieldId of diff.restored) {
        this.sql.audit(workspaceId, actor, 'form.field_restored', formId, toJson({ fieldId }, 'detail'), at);
      }
      return { ok: true, form: { ...toDraft(row), definition, updatedAt: at } };
    });
  }

  /** Publishes the draft as immutable version n+1. Refused when the draft drops a published field id. */
  publish(input: PublishInput): PublishResult {
    const { workspaceId, formId, actor } = input;
    return writeTransaction(this.sql, (): PublishResult => {
      const row = this.sql.getForm(workspaceId, formId);
      if (!row) return { ok: false, reason: 'NOT_FOUND' };
      const draft = JSON.parse(row.draft) as FormDef;
      const problems = checkAppDefinition(draft, 'form');
      if (problems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems };
      const current = row.published_version;
      const previous = current === null ? undefined : this.getPublished(workspaceId, formId, current)?.definition;
      const diff = diffFields(previous, draft);
      if (diff.removed.length > 0) return { ok: false, reason: 'FIELD_REMOVED', fieldIds: diff.removed };
      const version = (current ?? 0) + 1;
      const definition: FormDef = { ...draft, version };
      const at = this.now().toISOString();
      this.sql.insertVersion(workspaceId, formId, version, toJson(definition, 'form definition'), actor, at);
      if (!this.sql.setPublished(workspaceId, formId, version, at))
        throw new Rollback({ ok: false, reason: 'NOT_FOUND' });
      this.sql.audit(workspaceId, actor, 'form.published', formId, toJson({ version, ...diff }, 'detail'), at);
      return { ok: true, published: { formId, version, definition, publishedBy: actor, publishedAt: at } };
    });
  }

  /** The app and latest published version of a reachable form (not deleted, app not deleted), without the draft. */
  publishedHead(
    workspaceId: string,
    formId: string,
  ): { appId: string; publishedVersion: number | null; appRevision: number } | undefined {
    const row = this.sql.formHead(workspaceId, formId);
    return row && { appId: row.app_id, publishedVersion: row.published_version, appRevision: row.app_revision };
  }

  /** A published version (the latest by default); undefined when absent or in another workspace. */
  getPublished(workspaceId: string, formId: string, version?: number): PublishedForm | undefined {
    const wanted = version ?? this.sql.getForm(workspaceId, formId)?.published_version;
    if (wanted === undefined || wanted === null) return undefined;
    const row = this.sql.getVersion(workspaceId, formId, wanted);
    if (!row) return undefined;
    return {
      formId,
      version: row.version,
      definition: JSON.parse(row.definition) as FormDef,
      publishedBy: row.published_by,
      publishedAt: row.published_at,
    };
  }

  listVersions(workspaceId: string, formId: string): FormVersionInfo[] {
    return this.sql.listVersions(workspaceId, formId).map((row) => ({
      version: row.version,
      publishedBy: row.published_by,
      publishedAt: row.published_at,
    }));
  }

  /** What publishing the draft would change; undefined when the form is not in this workspace. */
  diffDraft(workspaceId: string, formId: string): DraftDiff | undefined {
    return this.sql.read(() => {
      const draft = this.getDraft(workspaceId, formId);
      if (!draft) return undefined;
      const published = this.getPublished(workspaceId, formId)?.definition;
      return diffFields(published, draft.definition);
    });
  }

  /** Changes a field's type, converting stored values by a strategy (see `changeFieldType`). */
  changeFieldType(input: ChangeFieldTypeInput): ChangeFieldTypeResult {
    return changeFieldType(this.sql, this.now, input);
  }
}

function typeChanges(previous: FormDef, next: FormDef): Problem[] {
  const types = new Map(previous.fields.map((field) => [field.id, field.type]));
  const problems: Problem[] = [];
  next.fields.forEach((field, i) => {
    const before = types.get(field.id);
    if (before !== undefined && before !== field.type) {
      const message = `field "${field.id}" changes type ${before} → ${field.type}: use changeFieldType`;
      problems.push({ ...problem(`fields[${i}].type`, 'TYPE_CHANGE_NEEDS_CONVERSION', message) });
    }
  });
  return problems;
}
