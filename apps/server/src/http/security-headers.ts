import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers of every answer, chosen by helmet: a strict CSP for the API (JSON never needs scripts), nosniff,
 * frame-ancestors 'none', no referrer, same-origin resource policy. The policy does not depend on the request, so
 * helmet runs once at start-up and its headers are replayed on each answer (running it per request showed up at 4%
 * of a create in the profile). Pages that serve HTML (API docs, uploads) set their own CSP over this one.
 * `Cache-Control: no-store` is the default of every answer.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  // Signed-in answers must not outlive the session in the browser's cache (a shared computer after sign-out).
  // Routes that may be cached say so themselves (the web build's assets, file downloads revalidated by ETag).
  headers['cache-control'] = 'no-store';
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = securityHeaders();
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
}
