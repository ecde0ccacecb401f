import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredRecord } from '@formflow/store';
import type { FormAccess } from '@formflow/engine';
import { pickReadable } from '@formflow/engine';
import { preferredLocale, sendProblem, type ProblemDetails } from '../problem-response.js';
import { recordItem } from './record-messages.js';

/** What the If-Match header asks: nothing, one version, or something we cannot read. */
export type Precondition = { kind: 'none' } | { kind: 'version'; version: number } | { kind: 'invalid' };

const VERSION_TAG = /^"([1-9][0-9]{0,14})"$/;

/** Reads `If-Match: "7"` (one strong tag holding a record version). Weak tags, lists and `*` are invalid. */
export function readIfMatch(request: FastifyRequest): Precondition {
  const header = request.headers['if-match'];
  if (header === undefined) return { kind: 'none' };
  const match = typeof header === 'string' ? VERSION_TAG.exec(header.trim()) : null;
  return match ? { kind: 'version', version: Number(match[1]) } : { kind: 'invalid' };
}

/**
 * Checks the precondition of a write. `required`: a missing header is 428 (RELIABILITY C1: we pick 428 over a
 * field-scoped merge). Returns the version the caller read, `null` when none was given (and none is required), or
 * undefined after answering 400/428.
 */
export function preconditionOf(
  request: FastifyRequest,
  reply: FastifyReply,
  required: boolean,
): number | null | undefined {
  const locale = preferredLocale(request.headers['accept-language']);
  const pre = readIfMatch(request);
  if (pre.kind === 'version') return pre.version;
  if (pre.kind === 'none' && !required) return null;
  if (pre.kind === 'none') {
    const item = recordItem(locale, 'headers.if-match', 'PRECONDITION_REQUIRED');
    void sendProblem(reply, {
      status: 428,
      title: 'Precondition Required',
      code: 'PRECONDITION_REQUIRED',
      detail: item.message,
      errors: [item],
    });
    return undefined;
  }
  const item = recordItem(locale, 'headers.if-match', 'INVALID_IF_MATCH');
  void sendProblem(reply, {
    status: 400,
    title: 'Bad Request',
    code: 'INVALID_IF_MATCH',
    detail: item.message,
    errors: [item],
  });
  return undefined;
}

/** The current state of a record, as much as the caller may read, for a 412. */
export type CurrentState = { id: string; version: number; data: Record<string, unknown> };

export function currentState(record: StoredRecord, access: FormAccess): CurrentState {
  return { id: record.id, version: record.version, data: pickReadable(record.data, access) };
}

/**
 * 412 VERSION_CONFLICT with the record's current readable values and version, so the client can show both values
 * and let the user choose (then retry with the new version in If-Match).
 */
export function versionConflict(
  reply: FastifyReply,
  locale: 'zh-CN' | 'en',
  expected: number,
  current: StoredRecord,
  access: FormAccess,
  path = 'headers.if-match',
) {
  const item = recordItem(locale, path, 'VERSION_CONFLICT', { expected, current: current.version });
  const problem: ProblemDetails & { current: CurrentState } = {
    status: 412,
    title: 'Precondition Failed',
    code: 'VERSION_CONFLICT',
    detail: item.message,
    errors: [item],
    current: currentState(current, access),
  };
  return sendProblem(reply, problem);
}
