import type { FastifyReply } from 'fastify';
import { pickReadable, type FormAccess } from '@formflow/engine';
import type { JsonValue, StoredRecord } from '@formflow/store';

/** A record as the API answers it: only the fields the caller may read. */
export type RecordView = {
  id: string;
  formId: string;
  version: number;
  data: Record<string, JsonValue>;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
};

export function recordView(record: StoredRecord, access: FormAccess): RecordView {
  return {
    id: record.id,
    formId: record.formId,
    version: record.version,
    data: pickReadable(record.data, access),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    createdBy: record.createdBy,
  };
}

/** The strong entity tag of a record version: `"7"`. */
export const etagOf = (version: number): string => `"${String(version)}"`;

/** Answers one record with its ETag. */
export function sendRecord(reply: FastifyReply, record: StoredRecord, access: FormAccess, status = 200) {
  return reply.code(status).header('etag', etagOf(record.version)).send(recordView(record, access));
}
