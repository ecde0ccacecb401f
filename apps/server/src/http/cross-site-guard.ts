import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionToken } from '../auth/resolve-actor.js';
import { sendProblem } from '../problem-response.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request must be refused as cross-site, or undefined when it may go on.
 *
 * The session cookie is `SameSite=Lax`, which keeps other *sites* out but not other origins of the same site (another
 * port on the host, a sibling subdomain): a page there can still send "simple" requests that carry the cookie — a
 * body-less POST (publish, delete a field) or a multipart upload/import. So a write that rides on the session cookie
 * must come from our own origin: browsers say so in `Sec-Fetch-Site` (`same-origin`, or `none` when the user typed
 * it), and in `Origin`. Requests without those headers are not from a browser page (curl, scripts, server-to-server)
 * and carry no ambient authority; API keys are never ambient, so they are not checked. Login is checked too (no one
 * may sign a visitor into another account from elsewhere).
 */
export function crossSiteRefusal(request: FastifyRequest): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const headers = request.headers;
  const isLogin = request.url.split('?')[0] === '/api/v1/auth/login';
  if (!isLogin && (headers.authorization !== undefined || sessionToken(headers) === undefined)) return undefined;
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is ${site}`;
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'the Origin header is malformed';
    }
    if (host !== headers.host) return `the request comes from ${origin}`;
  } else if (origin === 'null') {
    return 'the request comes from an opaque origin';
  }
  return undefined;
}

/** Refuses cross-origin writes made with the session cookie (403 CROSS_SITE_REQUEST), before any route runs. */
export function registerCrossSiteGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const refusal = crossSiteRefusal(request);
    if (refusal === undefined) return;
    await sendProblem(reply, {
      status: 403,
      title: 'Forbidden',
      code: 'CROSS_SITE_REQUEST',
      detail: `a signed-in change must come from this site's own pages (${refusal})`,
    });
    return reply;
  });
}
