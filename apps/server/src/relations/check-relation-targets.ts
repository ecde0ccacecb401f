import { relationIds, relationPlan, slotIds, type RecordError, type RelationSlot } from '@formflow/engine';
import { localize, type FormDef } from '@formflow/schema';
import type { RecordData, StoredRecord } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';

export type RelationTargetOptions = {
  /**
   * The stored data of the record being updated. Ids it already links to are not checked again: a linked record
   * deleted since never blocks an unrelated edit (its lookups simply show nothing).
   */
  existing?: Readonly<RecordData>;
  /** A further condition on a linked record (e.g. the caller may view it); refused ids are reported as not found. */
  canLink?: (targetFormId: string, record: StoredRecord) => boolean;
};

/** `RELATION_TARGET_NOT_FOUND` as a record error (code INVALID_VALUE, so it maps to a 422 like other value errors). */
function targetError(slot: RelationSlot, fieldId: string, path: string, recordId: string): RecordError {
  const zh = localize(slot.field.label, 'zh-CN') || slot.field.id;
  const en = localize(slot.field.label, 'en') || slot.field.id;
  return {
    fieldId,
    path,
    code: 'INVALID_VALUE',
    label: slot.field.label,
    message: {
      'zh-CN': `「${zh}」关联的数据不存在或已删除：${recordId}`,
      en: `"${en}" links to a record that does not exist or was deleted: ${recordId}`,
    },
    params: { reason: 'RELATION_TARGET_NOT_FOUND', recordId, formId: slot.targetFormId },
  };
}

/**
 * The relation values of a write must name live records of the relation's form in the caller's workspace. Checks
 * every id `data` adds (top-level relations and sub-table relation columns; fields absent from `data` are not
 * looked at) and returns one error per bad id, with its path (`customer`, `contacts[1]`, `lines[0].product`).
 * An id of another form, another workspace, or a record in the recycle bin is refused the same way as a missing one.
 * Call it with the validated values, before the write; an error list turns into a 422 (`invalidRecord`).
 */
export function checkRelationTargets(
  ctx: ServerContext,
  workspaceId: string,
  form: FormDef,
  data: Readonly<Record<string, unknown>>,
  options: RelationTargetOptions = {},
): RecordError[] {
  const errors: RecordError[] = [];
  const verdicts = new Map<string, boolean>();
  const valid = (slot: RelationSlot, id: string): boolean => {
    const key = `${slot.targetFormId}\u0000${id}`;
    let ok = verdicts.get(key);
    if (ok === undefined) {
      const record = ctx.store.records.getRecord(workspaceId, id);
      ok =
        record !== undefined &&
        record.formId === slot.targetFormId &&
        (options.canLink === undefined || options.canLink(slot.targetFormId, record));
      verdicts.set(key, ok);
    }
    return ok;
  };
  const checkValue = (slot: RelationSlot, fieldId: string, path: string, value: unknown, known: Set<string>) => {
    const ids = relationIds(value);
    ids.forEach((id, i) => {
      if (known.has(id) || valid(slot, id)) return;
      errors.push(targetError(slot, fieldId, Array.isArray(value) ? `${path}[${String(i)}]` : path, id));
    });
  };
  for (const slot of relationPlan(form).slots) {
    const topId = slot.subtableId ?? slot.field.id;
    if (!Object.hasOwn(data, topId)) continue;
    const known = new Set(options.existing ? slotIds(slot, options.existing) : []);
    if (slot.subtableId === null) {
      checkValue(slot, topId, topId, data[topId], known);
      continue;
    }
    const rows = data[topId];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, r) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) return;
      const value = (row as Record<string, unknown>)[slot.field.id];
      checkValue(slot, topId, `${topId}[${String(r)}].${slot.field.id}`, value, known);
    });
  }
  return errors;
}
