import { checkAppDefinition, DEFAULT_FIELD_CONTEXT, planTypeChange } from '@formflow/engine';
import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';
import { searchShadow } from '../records/search-shadow.js';
import { uniqueKey } from '../records/unique-key.js';
import { FIELD_ID_REGEXP, fieldPath, type FormStatements } from '../sqlite/form-statements.js';
import type { ChangeFieldTypeInput, ChangeFieldTypeResult, TypeChangeCounts } from './form-types.js';
import { Rollback, toJson, writeTransaction } from './write-transaction.js';

type Loaded = {
  draft: FormDef;
  field: FieldDef;
  /** The latest published definition and whether it holds the field (then the change publishes n+1). */
  published: FormDef | undefined;
  values: { recordId: string; version: number; value: JsonValue | undefined }[];
};

/** The definition with `newField` in place of the field of the same id. */
const swapField = (form: FormDef, newField: FieldDef): FormDef => ({
  ...form,
  fields: form.fields.map((f) => (f.id === newField.id ? newField : f)),
});

/**
 * Changes a field's type (RELIABILITY B3). Reads every record's value of the field in one query (records in the
 * recycle bin too: they can be restored, review #5) and plans the conversion with the engine (`planTypeChange`: format with the old type, parse with the new one, check the value
 * schema). Strategies:
 * - `dryRun`: counts and sample record ids; writes nothing.
 * - `reject`: applies only when every non-empty value converts, else UNCONVERTIBLE and nothing is written.
 * - `keepOriginal`: converts what converts; a value that does not becomes null, its original kept in the record's
 *   history entry (`{ before, after: null }`), never a silent null.
 * Applying is ONE transaction: the draft's field definition, every changed record (version + 1, search shadow,
 * unique values) with a `type_change` history entry by `actor`, audit rows, and — when the published form has the
 * field — a new published version n+1: the published definition with `newField` in place of the field (other draft
 * edits stay unpublished). Changed records are stamped with that version, so the live definition and the stored
 * values never disagree, not even between two transactions.
 */
export function changeFieldType(
  sql: FormStatements,
  now: () => Date,
  input: ChangeFieldTypeInput,
): ChangeFieldTypeResult {
  const { workspaceId, formId, fieldId, newField, strategy, actor } = input;
  if (!FIELD_ID_REGEXP.test(fieldId)) return { ok: false, reason: 'FIELD_NOT_FOUND' };
  if (newField.id !== fieldId) {
    const message = `the new field must keep the id "${fieldId}"`;
    return { ok: false, reason: 'INVALID_DEFINITION', problems: [{ path: 'id', code: 'FIELD_ID_MISMATCH', message }] };
  }
  const run = (): ChangeFieldTypeResult => {
    const loaded = load(sql, workspaceId, formId, fieldId);
    if (!loaded.ok) return loaded.result;
    const { draft, field, published, values } = loaded.value;
    const nextDraft = swapField(draft, newField);
    const problems = checkAppDefinition(nextDraft, 'form');
    if (problems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems };
    const nextPublished = published && { ...swapField(published, newField), version: (published.version ?? 0) + 1 };
    const publishProblems = nextPublished ? checkAppDefinition(nextPublished, 'form') : [];
    if (publishProblems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems: publishProblems };
    const plan = planTypeChange(
      field,
      newField,
      values.map(({ recordId, value }) => ({ recordId, value: value ?? null })),
      input.context ?? DEFAULT_FIELD_CONTEXT,
    );
    const counts: TypeChangeCounts = {
      convertible: plan.convertible,
      unconvertible: plan.unconvertible,
      empty: plan.empty,
      samples: plan.samples,
    };
    if (strategy === 'dryRun') return { ok: true, applied: false, ...counts };
    if (strategy === 'reject' && plan.unconvertible > 0) return { ok: false, reason: 'UNCONVERTIBLE', ...counts };

    const at = now().toISOString();
    const path = fieldPath(fieldId);
    const unique = newField.unique === true;
    let changedRecords = 0;
    let keptOriginal = 0;
    for (const { recordId, version, value } of values) {
      if (value === undefined || value === null) continue;
      const converted = plan.convert(value);
      const after = converted.ok ? converted.value : null;
      if (!converted.ok) keptOriginal += 1;
      const afterJson = toJson(after, 'converted value');
      if (afterJson === toJson(value, 'stored value')) continue;
      const search = searchShadow({ [fieldId]: after })[fieldId] ?? null;
      if (
        !sql.updateFieldValue({
          id: recordId,
          workspace_id: workspaceId,
          version,
          form_version: nextPublished?.version ?? null,
          path,
          value: afterJson,
          search,
          actor,
          at,
        })
      ) {
        throw new Error(`record ${recordId} changed during a type change`);
      }
      sql.insertHistory(
        workspaceId,
        recordId,
        version + 1,
        actor,
        at,
        toJson({ [fieldId]: { before: value, after } }, 'history'),
      );
      changedRecords += 1;
      if (unique || field.unique === true) {
        sql.releaseUnique(workspaceId, recordId, fieldId);
        const key = unique ? uniqueKey(after) : null;
        if (key !== null && !sql.claimUnique(workspaceId, formId, fieldId, key, recordId)) {
          throw new Rollback<ChangeFieldTypeResult>({ ok: false, reason: 'UNIQUE_CONFLICT', recordId });
        }
      }
    }
    sql.updateDraft(workspaceId, formId, toJson(nextDraft, 'form definition'), at);
    const publishedVersion = nextPublished
      ? publish(sql, workspaceId, formId, fieldId, nextPublished, actor, at)
      : null;
    const detail = {
      fieldId,
      from: field.type,
      to: newField.type,
      strategy,
      changedRecords,
      keptOriginal,
      publishedVersion,
      ...counts,
    };
    sql.audit(workspaceId, actor, 'form.field_type_changed', formId, toJson(detail, 'detail'), at);
    return { ok: true, applied: true, changedRecords, keptOriginal, publishedVersion, ...counts };
  };
  // A dry run reads one consistent snapshot; applying reads and writes under the write lock, so no record can change
  // between the plan and the writes.
  return strategy === 'dryRun' ? sql.read(run) : writeTransaction(sql, run);
}

/** Inserts published version n+1 inside the caller's transaction; returns its number. */
function publish(
  sql: FormStatements,
  workspaceId: string,
  formId: string,
  fieldId: string,
  definition: FormDef & { version: number },
  actor: string | null,
  at: string,
): number {
  const { version } = definition;
  sql.insertVersion(workspaceId, formId, version, toJson(definition, 'form definition'), actor, at);
  if (!sql.setPublished(workspaceId, formId, version, at))
    throw new Error(`form ${formId} vanished during a type change`);
  const detail = { version, cause: 'field_type_changed', fieldId };
  sql.audit(workspaceId, actor, 'form.published', formId, toJson(detail, 'detail'), at);
  return version;
}

function load(
  sql: FormStatements,
  workspaceId: string,
  formId: string,
  fieldId: string,
): { ok: true; value: Loaded } | { ok: false; result: ChangeFieldTypeResult } {
  const row = sql.getForm(workspaceId, formId);
  if (!row) return { ok: false, result: { ok: false, reason: 'NOT_FOUND' } };
  const draft = JSON.parse(row.draft) as FormDef;
  const field = draft.fields.find((f) => f.id === fieldId);
  if (!field) return { ok: false, result: { ok: false, reason: 'FIELD_NOT_FOUND' } };
  const version =
    row.published_version === null ? undefined : sql.getVersion(workspaceId, formId, row.published_version);
  const publishedDef = version && (JSON.parse(version.definition) as FormDef);
  const published = publishedDef?.fields.some((f) => f.id === fieldId) ? publishedDef : undefined;
  const values = sql.fieldValues(workspaceId, formId, fieldId).map((r) => ({
    recordId: r.id,
    version: r.version,
    value: r.value === null ? undefined : (JSON.parse(r.value) as JsonValue),
  }));
  return { ok: true, value: { draft, field, published, values } };
}
