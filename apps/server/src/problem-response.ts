import type { FastifyReply } from 'fastify';

export type ProblemDetails = {
  type?: string;
  title: string;
  status: number;
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

/** zh-CN when the caller prefers Chinese (`Accept-Language: zh`, `zh-CN`, `zh-Hans`...), otherwise en. */
export function preferredLocale(acceptLanguage: string | undefined): 'zh-CN' | 'en' {
  if (!acceptLanguage) return 'en';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}
