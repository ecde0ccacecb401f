import type { FieldContext, TypeChangeSample } from '@formflow/engine';
import type { FieldDef, FormDef, LocalizedText, Problem } from '@formflow/schema';

export type FormDraft = {
  workspaceId: string;
  formId: string;
  appId: string;
  definition: FormDef;
  /** The latest published version, or null before the first publish. */
  publishedVersion: number | null;
  updatedAt: string;
};

/** A form in a list: the draft's name and description, without the definition. */
export type FormSummary = Omit<FormDraft, 'definition'> & { name: LocalizedText; description?: LocalizedText };

export type PublishedForm = {
  formId: string;
  version: number;
  /** The definition as published, with `version` set; immutable. */
  definition: FormDef;
  publishedBy: string | null;
  publishedAt: string;
};

export type FormVersionInfo = Omit<PublishedForm, 'definition' | 'formId'>;

export type CreateFormInput = { workspaceId: string; appId: string; definition: unknown; actor: string | null };
export type SaveDraftInput = { workspaceId: string; formId: string; definition: unknown; actor: string | null };
export type PublishInput = { workspaceId: string; formId: string; actor: string | null };

export type FormNotFound = { ok: false; reason: 'NOT_FOUND' };
export type FormProblems = { ok: false; reason: 'INVALID_DEFINITION'; problems: Problem[] };

export type CreateFormResult = { ok: true; form: FormDraft } | FormProblems | FormNotFound;
export type SaveDraftResult = { ok: true; form: FormDraft } | FormProblems | FormNotFound;
export type PublishResult =
  | { ok: true; published: PublishedForm }
  | FormNotFound
  | FormProblems
  /** The draft lacks field ids the published form has: delete them (`deleted: true`) instead of dropping them. */
  | { ok: false; reason: 'FIELD_REMOVED'; fieldIds: string[] };

/** What publishing the draft changes, by field id (the designer's "what changes on publish"). */
export type DraftDiff = {
  added: string[];
  /** Dropped from the definition: a publish is refused while this is not empty. */
  removed: string[];
  /** Present in both with a different definition (label, key, settings, type, deleted flag…). */
  changed: string[];
  /** Newly marked `deleted: true` (values stay in records). */
  deleted: string[];
  /** `deleted` flag cleared. */
  restored: string[];
};

export type TypeChangeStrategy = 'dryRun' | 'reject' | 'keepOriginal';

export type ChangeFieldTypeInput = {
  workspaceId: string;
  formId: string;
  fieldId: string;
  /** The field's new definition (same id, new type and settings). */
  newField: FieldDef;
  strategy: TypeChangeStrategy;
  actor: string | null;
  /** Zone and locale the old values are formatted and re-parsed in; the engine default otherwise. */
  context?: FieldContext;
};

export type TypeChangeCounts = {
  convertible: number;
  unconvertible: number;
  empty: number;
  /** At most 20 records whose value does not convert, with the value and the reason. */
  samples: TypeChangeSample[];
};

export type ChangeFieldTypeResult =
  | ({ ok: true; applied: false } & TypeChangeCounts)
  | ({
      ok: true;
      applied: true;
      changedRecords: number;
      keptOriginal: number;
      /** The version published with the new field type, or null when the published form lacks the field. */
      publishedVersion: number | null;
    } & TypeChangeCounts)
  | ({ ok: false; reason: 'UNCONVERTIBLE' } & TypeChangeCounts)
  | { ok: false; reason: 'UNIQUE_CONFLICT'; recordId: string }
  | { ok: false; reason: 'FIELD_NOT_FOUND' }
  | FormNotFound
  | FormProblems;
