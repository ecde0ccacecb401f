import type { FastifyReply } from 'fastify';
import type { RecordError } from '@formflow/engine';
import { sendProblem } from '../problem-response.js';

export type ProblemItem = { path: string; code: string; message: string };

export const unauthenticated = (reply: FastifyReply) =>
  sendProblem(reply, {
    status: 401,
    title: 'Unauthorized',
    code: 'UNAUTHENTICATED',
    detail: 'sign in or send an API key',
  });

/** 404 for anything absent, deleted, or in another workspace: ids of other tenants are indistinguishable (H4). */
export const notFound = (reply: FastifyReply, what: string) =>
  sendProblem(reply, { status: 404, title: 'Not Found', code: 'NOT_FOUND', detail: `no such ${what}` });

export const forbidden = (reply: FastifyReply, detail: string) =>
  sendProblem(reply, { status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail });

export const badRequest = (reply: FastifyReply, code: string, errors: ProblemItem[], detail?: string) =>
  sendProblem(reply, {
    status: 400,
    title: 'Bad Request',
    code,
    ...(detail === undefined ? {} : { detail }),
    errors,
  });

export const conflict = (reply: FastifyReply, code: string, detail: string, errors?: ProblemItem[]) =>
  sendProblem(reply, { status: 409, title: 'Conflict', code, detail, ...(errors ? { errors } : {}) });

/** The engine's record errors as problem items in the caller's language; `path` is `data.<field>[row].<column>`. */
export function recordProblems(errors: readonly RecordError[], locale: 'zh-CN' | 'en'): ProblemItem[] {
  return errors.map((e) => ({
    path: e.path ? `data.${e.path}` : 'data',
    code: e.code,
    message: e.message[locale] ?? e.message.en,
  }));
}

/** 422 with every record error (the value was well-formed JSON but breaks the form). */
export const invalidRecord = (reply: FastifyReply, errors: readonly RecordError[], locale: 'zh-CN' | 'en') =>
  sendProblem(reply, {
    status: 422,
    title: 'Unprocessable Content',
    code: 'INVALID_RECORD',
    detail: 'the record does not satisfy the form',
    errors: recordProblems(errors, locale),
  });
