import { checkAppDefinition, DEFAULT_FIELD_CONTEXT, planTypeChange } from '@formflow/engine';
import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';
import { searchShadow } from '../records/search-shadow.js';
import { uniqueKey } from '../records/unique-key.js';
import { FIELD_ID_REGEXP, fieldPath, type FormStatements } from '../sqlite/form-statements.js';
import type { ChangeFieldTypeInput, ChangeFieldTypeResult, TypeChangeCounts } from './form-types.js';
import { Rollback, toJson, writeTransaction } from './write-transaction.js';

type Loaded = {
  draft: FormDef;
  index: number;
  field: FieldDef;
  values: { recordId: string; version: number; value: JsonValue | undefined }[];
};

/**
 * Changes a field's type (RELIABILITY B3). Reads every live record's value of the field in one query and plans the
 * conversion with the engine (`planTypeChange`: format with the old type, parse with the new one, check the value
 * schema). Strategies:
 * - `dryRun`: counts and sample record ids; writes nothing.
 * - `reject`: applies only when every non-empty value converts, else UNCONVERTIBLE and nothing is written.
 * - `keepOriginal`: converts what converts; a value that does not becomes null, its original kept in the record's
 *   history entry (`{ before, after: null }`), never a silent null.
 * Applying is ONE transaction: the draft's field definition, every changed record (version + 1, search shadow,
 * unique values) with a `type_change` history entry by `actor`, and an audit row.
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
    const { draft, index, field, values } = loaded.value;
    const fields = draft.fields.map((f, i) => (i === index ? newField : f));
    const nextDraft: FormDef = { ...draft, fields };
    const problems = checkAppDefinition(nextDraft, 'form');
    if (problems.length > 0) return { ok: false, reason: 'INVALID_DEFINITION', problems };
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
    const detail = { fieldId, from: field.type, to: newField.type, strategy, changedRecords, keptOriginal, ...counts };
    sql.audit(workspaceId, actor, 'form.field_type_changed', formId, toJson(detail, 'detail'), at);
    return { ok: true, applied: true, changedRecords, keptOriginal, ...counts };
  };
  // A dry run reads one consistent snapshot; applying reads and writes under the write lock, so no record can change
  // between the plan and the writes.
  return strategy === 'dryRun' ? sql.read(run) : writeTransaction(sql, run);
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
  const index = draft.fields.findIndex((f) => f.id === fieldId);
  const field = draft.fields[index];
  if (!field) return { ok: false, result: { ok: false, reason: 'FIELD_NOT_FOUND' } };
  const values = sql.fieldValues(workspaceId, formId, fieldId).map((r) => ({
    recordId: r.id,
    version: r.version,
    value: r.value === null ? undefined : (JSON.parse(r.value) as JsonValue),
  }));
  return { ok: true, value: { draft, index, field, values } };
}
