import type { FastifyReply } from 'fastify';
import type { FormAccess } from '@formflow/engine';
import { sendProblem, statusTitle, type ProblemDetails } from '../problem-response.js';
import type { ApplyConflict } from './apply-writes.js';
import { currentState, type CurrentState } from './if-match.js';
import { recordItem } from './record-messages.js';
import { versionPath, type Locale, type WriteFailure } from './write-pipeline.js';

const DETAIL: Record<string, string> = {
  FIELD_NOT_WRITABLE: 'the request writes fields you may not write',
  INVALID_RECORD: 'the record does not satisfy the form',
  VERSION_CONFLICT: 'the record changed since you read it',
  UNIQUE_CONFLICT: 'a value that must be unique already exists',
  NOT_FOUND: 'no such record',
  FORBIDDEN: 'you do not have the permission this request needs',
};

/** A conflict found while applying a write, as a failure whose paths start with `prefix` (`''`, `create[3].`). */
export function conflictFailure(
  conflict: ApplyConflict,
  prefix: string,
  locale: Locale,
  expectedVersion?: number,
): WriteFailure {
  switch (conflict.reason) {
    case 'UNIQUE_CONFLICT': {
      const { fieldId, existingRecordId } = conflict;
      const item = recordItem(locale, `${prefix}data.${fieldId}`, 'UNIQUE_CONFLICT', {
        field: fieldId,
        existing: existingRecordId,
      });
      return { status: 409, code: 'UNIQUE_CONFLICT', items: [item], existingRecordId };
    }
    case 'VERSION_CONFLICT': {
      const item = recordItem(locale, versionPath(prefix), 'VERSION_CONFLICT', {
        expected: expectedVersion ?? '?',
        current: conflict.current.version,
      });
      return { status: 412, code: 'VERSION_CONFLICT', items: [item], current: conflict.current };
    }
    case 'NOT_FOUND':
      return { status: 404, code: 'NOT_FOUND', items: [recordItem(locale, `${prefix}id`, 'NOT_FOUND_ITEM')] };
  }
}

/** Answers a failed write as problem+json: every item, plus the current state (412) or the holder of a value (409). */
export function sendWriteFailure(reply: FastifyReply, failure: WriteFailure, access: FormAccess) {
  const problem: ProblemDetails & { current?: CurrentState; existingRecordId?: string } = {
    status: failure.status,
    title: statusTitle(failure.status),
    code: failure.code,
    detail: DETAIL[failure.code] ?? failure.items[0]?.message ?? failure.code,
    errors: failure.items,
  };
  if (failure.current) problem.current = currentState(failure.current, access);
  if (failure.existingRecordId !== undefined) problem.existingRecordId = failure.existingRecordId;
  return sendProblem(reply, problem);
}
