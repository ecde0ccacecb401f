import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';

export type ProblemDetails = {
  type?: string;
  title: string;
  status: number;
  /** Machine-readable code (UPPER_SNAKE), an RFC 9457 extension member: `INVALID_JSON`, `BODY_TOO_LARGE`... */
  code?: string;
  detail?: string;
  errors?: { path: string; code: string; message: string }[];
};

/** Sends an RFC 9457 `application/problem+json` answer. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ type: problem.type ?? 'about:blank', ...problem });
}

/** The standard reason phrase of an HTTP status (`413` → `Payload Too Large`). */
export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** zh-CN when the caller prefers Chinese (`Accept-Language: zh`, `zh-CN`, `zh-Hans`...), otherwise en. */
export function preferredLocale(acceptLanguage: string | undefined): 'zh-CN' | 'en' {
  if (!acceptLanguage) return 'en';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}
