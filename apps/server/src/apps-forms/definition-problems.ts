import type { FastifyReply, FastifyRequest } from 'fastify';
import { localizeProblem, type Problem } from '@formflow/schema';
import { preferredLocale, sendProblem } from '../problem-response.js';

/** 422 INVALID_DEFINITION with every problem (path, code, message in the caller's language); nothing was written. */
export function invalidDefinition(request: FastifyRequest, reply: FastifyReply, problems: readonly Problem[]) {
  const locale = preferredLocale(request.headers['accept-language']);
  return sendProblem(reply, {
    status: 422,
    title: 'Invalid definition',
    code: 'INVALID_DEFINITION',
    detail: locale === 'zh-CN' ? '定义有误，未保存任何内容' : 'the definition has problems; nothing was saved',
    errors: problems.map((p) => ({ path: p.path, code: p.code, message: localizeProblem(p, locale) })),
  });
}
