import { fieldRegistry, type FilterContext, type LogicContext } from '@formflow/engine';
import type { ImportRecordWriter } from '@formflow/store';
import { mapHeader, type HeaderMap } from './header-map.js';
import type { ImportTask } from './import-task.js';
import type { RelationSupport } from './relation-support.js';
import { RowChecker } from './row-checker.js';
import { createParseMemo } from './row-to-values.js';

/** The caller as form logic (`$member`, `$now`) sees them. */
export function logicOf(task: ImportTask): LogicContext {
  const { caller } = task;
  return {
    ...(caller.memberId
      ? { member: { id: caller.memberId, departmentIds: caller.departmentIds ?? [], roleIds: caller.roleIds ?? [] } }
      : {}),
    now: caller.now,
    timezone: caller.timezone,
  };
}

/** The caller as row filters see them. */
export function filterContextOf(task: ImportTask): FilterContext {
  const { caller } = task;
  return {
    ...(caller.memberId ? { memberId: caller.memberId } : {}),
    ...(caller.scopeDepartmentIds ? { departmentIds: caller.scopeDepartmentIds } : {}),
    now: caller.now,
    timezone: caller.timezone,
  };
}

/** The header row of the file mapped to the form's fields, with the task's mapping and writable fields. */
export function headerOf(task: ImportTask, header: readonly string[]): HeaderMap {
  return mapHeader([...header], task.form, fieldRegistry, {
    ...(task.options.mapping ? { columnMap: task.options.mapping } : {}),
    ...(task.writableFieldIds ? { writableFieldIds: new Set(task.writableFieldIds) } : {}),
  });
}

/**
 * The job's row checker. Every record of the job is created (and every dedupe update made) at the job's time
 * `jobTime`. Without `writer` (a checking helper thread) it only runs `checkAsNew`.
 */
export function buildRowChecker(
  task: ImportTask,
  header: HeaderMap,
  jobTime: Date,
  writer: ImportRecordWriter | null,
  relations: RelationSupport | null,
): RowChecker {
  return new RowChecker(
    {
      form: task.form,
      registry: fieldRegistry,
      ctx: task.fieldContext,
      header,
      memo: createParseMemo(header),
      logic: logicOf(task),
    },
    writer,
    {
      uniqueFields: task.uniqueFields,
      ...(task.options.dedupe ? { dedupe: task.options.dedupe } : {}),
      // Rows are written in the same pass, each checked against the form as it is inserted.
      precheckDatabase: false,
      rowFilters: task.rowFilters,
      filterContext: filterContextOf(task),
      system: task.systemFields,
      actor: task.actor,
      at: jobTime.toISOString(),
      relations,
      ...(task.writableFor
        ? { writableFor: { submit: new Set(task.writableFor.submit), edit: new Set(task.writableFor.edit) } }
        : {}),
    },
  );
}
