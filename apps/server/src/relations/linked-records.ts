import type { LinkedRecordLoader } from '@formflow/engine';
import type { RecordData } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';

export type LinkedRecords = {
  /** A live record of `formId` in the workspace, or undefined (missing, in the recycle bin, another form). */
  load: LinkedRecordLoader;
  /** Tells the cache a record's data changed (a derived update made during propagation). */
  remember(recordId: string, formId: string, data: RecordData): void;
};

/**
 * Reads linked records for one derivation or propagation, each at most once. The workspace scope is the tenant
 * boundary: an id of another workspace is simply not found.
 */
export function linkedRecords(ctx: ServerContext, workspaceId: string): LinkedRecords {
  const cache = new Map<string, { formId: string; data: RecordData } | null>();
  return {
    load(formId, recordId) {
      let hit = cache.get(recordId);
      if (hit === undefined) {
        const record = ctx.store.records.getRecord(workspaceId, recordId);
        hit = record ? { formId: record.formId, data: record.data } : null;
        cache.set(recordId, hit);
      }
      return hit !== null && hit.formId === formId ? hit.data : undefined;
    },
    remember(recordId, formId, data) {
      cache.set(recordId, { formId, data });
    },
  };
}
