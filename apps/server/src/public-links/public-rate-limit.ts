import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { preferredLocale, sendProblem } from '../problem-response.js';

/** Submissions per minute per IP and link: `FORMFLOW_PUBLIC_RATE_LIMIT`, 10 by default. */
export function publicRateLimit(): number {
  const configured = Number(process.env['FORMFLOW_PUBLIC_RATE_LIMIT']);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

const WINDOW_MS = 60_000;

type Check = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

const tokenOf = (request: FastifyRequest): string => {
  const params = request.params as { token?: unknown } | undefined;
  return typeof params?.token === 'string' ? params.token : '';
};

/**
 * The limits of the anonymous routes (RELIABILITY H5), counted per minute with @fastify/rate-limit's store, keyed by
 * the socket address (never by anything in the body): per IP and link `limit` requests; per IP over all links
 * 10 × `limit` (token guessing, many links); per link over all IPs 50 × `limit` (a flood from many addresses). Reads
 * of the form weigh less than writes: GET gets 6 × each limit. Over a limit: 429 problem+json with Retry-After.
 */
export async function registerPublicRateLimit(
  scope: FastifyInstance,
): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>> {
  await scope.register(rateLimit, { global: false });
  const limit = publicRateLimit();
  const make = (kind: string, max: number, key: (r: FastifyRequest) => string): Check =>
    scope.createRateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: (r) => `${kind}|${r.method}|${key(r)}` });
  const checks = (factor: number): Check[] => [
    make('ip+link', limit * factor, (r) => `${r.ip}|${tokenOf(r)}`),
    make('ip', limit * 10 * factor, (r) => r.ip),
    make('link', limit * 50 * factor, tokenOf),
  ];
  const reads = checks(6);
  const writes = checks(1);

  return async function limitPublicRequest(request, reply) {
    for (const check of request.method === 'GET' ? reads : writes) {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) {
        const retryAfter = Math.max(1, result.ttlInSeconds ?? 60);
        const locale = preferredLocale(request.headers['accept-language']);
        const message =
          locale === 'zh-CN'
            ? `提交过于频繁，请 ${String(retryAfter)} 秒后再试`
            : `too many requests; try again in ${String(retryAfter)} seconds`;
        void reply.header('retry-after', String(retryAfter));
        return sendProblem(reply, {
          status: 429,
          title: 'Too Many Requests',
          code: 'RATE_LIMITED',
          detail: message,
          errors: [{ path: '', code: 'RATE_LIMITED', message }],
        });
      }
    }
    return undefined;
  };
}
