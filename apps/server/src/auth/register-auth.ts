import type { FastifyInstance } from 'fastify';
import { AuthRepository, normaliseEmail, SESSION_TTL_MS, type Store } from '@formflow/store';
import type { TurnCache } from '../context/turn-cache.js';
import { sendProblem } from '../problem-response.js';
import './actor.js';
import { apiKeyParamsSchema, createApiKeyBodySchema, loginBodySchema } from './auth-schemas.js';
import { serializeCookie } from './cookies.js';
import { LoginRateLimiter, type RateLimitOptions } from './login-rate-limiter.js';
import { requireActor } from './require-actor.js';
import { resolveActor, SESSION_COOKIE, sessionToken } from './resolve-actor.js';
import { sendValidationProblem, strictBody } from './strict-body.js';

export type AuthOptions = {
  store: Store;
  /** Adds `Secure` to the session cookie: set it whenever the server is reached over HTTPS. */
  secureCookies?: boolean;
  sessionTtlMs?: number;
  rateLimit?: RateLimitOptions;
  /** Shares each caller's read among the requests of one event-loop turn (the server context's). */
  turn?: TurnCache;
};

type LoginBody = { email: string; password: string; workspaceId?: string };

/**
 * Auth for the API. Call it on the root instance before declaring routes (it is not wrapped in `register`, so its
 * request decorator and hook reach every route): `request.actor` on every request, and the routes
 * `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `GET /api/v1/auth/me`, `POST /api/v1/api-keys`,
 * `DELETE /api/v1/api-keys/:id`. Guard other routes with `{ preHandler: requireActor(roles?) }`.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions) {
  const auth = new AuthRepository(options.store.db);
  const limiter = new LoginRateLimiter(options.rateLimit);
  const ttlMs = options.sessionTtlMs ?? SESSION_TTL_MS;
  const cookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(SESSION_COOKIE, value, {
      maxAgeSeconds,
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: options.secureCookies ?? false,
    });

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    options.turn?.revalidate();
    request.actor = resolveActor(auth, request.headers, options.turn);
  });

  app.post(
    '/api/v1/auth/login',
    { schema: { body: loginBodySchema }, attachValidation: true, preValidation: strictBody(loginBodySchema) },
    async (request, reply) => {
      if (sendValidationProblem(request, reply)) return reply;
      const body = request.body as LoginBody;
      const email = normaliseEmail(body.email);
      const retryAfter = limiter.retryAfterSeconds(request.ip, email);
      if (retryAfter > 0) {
        reply.header('retry-after', String(retryAfter));
        return sendProblem(reply, {
          status: 429,
          title: 'Too Many Requests',
          code: 'RATE_LIMITED',
          detail: 'too many failed logins, try again later',
        });
      }
      const member = await auth.verifyLogin(body);
      const session = member && auth.createSession(member.workspaceId, member.id, ttlMs);
      if (!member || !session) {
        limiter.recordFailure(request.ip, email);
        return sendProblem(reply, {
          status: 401,
          title: 'Unauthorized',
          code: 'INVALID_CREDENTIALS',
          detail: 'email or password is incorrect',
        });
      }
      limiter.recordSuccess(request.ip, email);
      reply.header('set-cookie', cookie(session.token, ttlMs / 1000));
      reply.header('cache-control', 'no-store');
      return { member };
    },
  );

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const token = sessionToken(request.headers);
    if (token) auth.revokeSession(token);
    reply.header('set-cookie', cookie('', 0));
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', { preHandler: requireActor() }, async (request, reply) => {
    const actor = request.actor;
    const member = actor && auth.getMember(actor.workspaceId, actor.memberId);
    if (!actor || !member) {
      return sendProblem(reply, { status: 401, title: 'Unauthorized', code: 'UNAUTHENTICATED' });
    }
    reply.header('cache-control', 'no-store');
    return { member, via: actor.via };
  });

  app.post(
    '/api/v1/api-keys',
    {
      schema: { body: createApiKeyBodySchema },
      attachValidation: true,
      preValidation: strictBody(createApiKeyBodySchema),
      preHandler: requireActor(['owner', 'admin']),
    },
    async (request, reply) => {
      if (sendValidationProblem(request, reply)) return reply;
      const actor = request.actor;
      const { name } = request.body as { name: string };
      const created = actor && auth.createApiKey({ workspaceId: actor.workspaceId, memberId: actor.memberId, name });
      if (!created) return sendProblem(reply, { status: 401, title: 'Unauthorized', code: 'UNAUTHENTICATED' });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    { schema: { params: apiKeyParamsSchema }, attachValidation: true, preHandler: requireActor(['owner', 'admin']) },
    async (request, reply) => {
      if (sendValidationProblem(request, reply)) return reply;
      const actor = request.actor;
      const { id } = request.params as { id: string };
      if (!actor || !auth.revokeApiKey(actor.workspaceId, id, actor.memberId)) {
        return sendProblem(reply, { status: 404, title: 'Not Found', code: 'NOT_FOUND', detail: 'no such API key' });
      }
      return reply.code(204).send();
    },
  );

  return { auth, requireActor };
}
