import Fastify, { type FastifyInstance } from 'fastify';
import { checkAppDefinition } from '@formflow/engine';
import type { Store, WriterLock } from '@formflow/store';
import { registerAuth } from './auth/index.js';
import { createServerContext } from './context/create-server-context.js';
import { registerTurnCacheClearing } from './http/turn-cache-clearing.js';
import { installRouteValidator, validationItems } from './http/route-validator.js';
import { registerApiDocs } from './http/api-docs.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerCrossSiteGuard } from './http/cross-site-guard.js';
import { registerRoutes } from './routes/register-routes.js';
import { registerWebApp } from './web/serve-web.js';
import { localizeProblem } from '@formflow/schema';
import { DefinitionBodyError, useDefinitionJsonParser } from './http/definition-body.js';
import { preferredLocale, sendProblem, statusTitle } from './problem-response.js';

export type ServerOptions = {
  /** The instance's store; the server does not close it (its opener does). With it, auth routes are mounted. */
  store?: Store;
  /** Mark the session cookie `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  /** Largest JSON body accepted, in bytes (RELIABILITY A2). */
  bodyLimit?: number;
  logger?: boolean;
  /** Where uploads and import spools go; `<dirname(store.path)>` by default. */
  dataDir?: string;
  /** Clock for permissions' "today", record timestamps come from the store's own clock. */
  now?: () => Date;
  /** The built web app (apps/web/dist) to serve at `/`; without it the server is API-only. */
  webRoot?: string;
  /** The writer lock its record writes and import jobs share (a new one by default; tests hold it to play an import). */
  writerLock?: WriterLock;
};

/** Makes a plugin share its parent's scope (what fastify-plugin does), so its hooks reach every route. */
function unencapsulated<T extends (instance: FastifyInstance) => Promise<void>>(plugin: T): T {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}

/** Our machine-readable codes for the Fastify errors a client can cause. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
};

/**
 * The Formflow HTTP API. This first cut serves health and definition validation with the engine;
 * records, auth and permissions arrive with the server-and-storage issue.
 */
export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Router-level refusals (a path parameter over 100 characters, a malformed URL) answer problem+json too.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      return sendProblem(reply, {
        status,
        title: statusTitle(status),
        code: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'INVALID_URL',
        detail: status === 414 ? 'a path parameter is too long' : 'the URL is malformed',
      });
    },
  });
  installRouteValidator(app);
  // JSON routes take JSON only: text/plain gets 415, which also closes CSRF "simple requests" (RELIABILITY A5).
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const validation = (error as { validation?: unknown[]; validationContext?: string }).validation;
    if (Array.isArray(validation)) {
      const errors = validationItems(
        (error as { validationContext?: string }).validationContext,
        validation as never[],
      );
      return sendProblem(reply, {
        status: 400,
        title: 'Bad Request',
        code: errors[0]?.code ?? 'VALIDATION_FAILED',
        detail: errors[0]?.message ?? 'the request does not match the route schema',
        errors,
      });
    }
    if (error instanceof DefinitionBodyError) {
      const locale = preferredLocale(request.headers['accept-language']);
      return sendProblem(reply, {
        status: 400,
        title: 'Invalid definition body',
        code: error.problems[0]?.code ?? 'INVALID_JSON',
        errors: error.problems.map((p) => ({ path: p.path, code: p.code, message: localizeProblem(p, locale) })),
      });
    }
    // The database stayed locked past the busy timeout (a long write, e.g. an allOrNothing import's one
    // transaction): a clean, retryable 503 rather than a 500.
    if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_BUSY_SNAPSHOT' || error.code === 'SQLITE_LOCKED') {
      void reply.header('retry-after', '5');
      return sendProblem(reply, {
        status: 503,
        title: statusTitle(503),
        code: 'BUSY',
        detail: 'the database is busy (a large import may be writing); retry shortly',
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    return sendProblem(reply, {
      status,
      title: statusTitle(status),
      code:
        status === 500
          ? 'INTERNAL_ERROR'
          : ((error.code && FASTIFY_CODES[error.code]) ?? statusTitle(status).toUpperCase().replace(/\W+/g, '_')),
      detail: status === 500 ? 'an unexpected error occurred' : error.message,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      status: 404,
      title: 'Not Found',
      code: 'NOT_FOUND',
      detail: `no route ${request.method} ${request.url}`,
    }),
  );

  registerSecurityHeaders(app);
  registerCrossSiteGuard(app);
  // The OpenAPI document collects every route registered after it (the route schemas are the contract).
  registerApiDocs(app);
  const store = options.store;
  if (store) {
    const ctx = createServerContext(store, {
      dataDir: options.dataDir,
      now: options.now,
      writerLock: options.writerLock,
    });
    registerTurnCacheClearing(app, ctx.turn);
    // Login, sessions and API keys: `request.actor` on every route; routes that need a caller use requireActor.
    app.register(
      unencapsulated(async (instance) => {
        registerAuth(instance, { store, secureCookies: options.secureCookies ?? false, turn: ctx.turn });
      }),
    );
    app.register(async (api) => registerRoutes(api, ctx));
  }

  // Inside a plugin so the OpenAPI collector (registered above) sees it.
  app.register(async (core) => {
    core.get(
      '/api/v1/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness and database check',
          security: [],
          response: {
            200: {
              type: 'object',
              properties: { status: { type: 'string' }, database: { type: 'string' } },
              required: ['status'],
            },
          },
        },
      },
      async () => {
        if (!options.store) return { status: 'ok' };
        options.store.db.prepare('SELECT 1').get(); // throws (500) if the database is unusable
        return { status: 'ok', database: 'ok' };
      },
    );
  });

  // Definitions reject duplicate keys and over-deep JSON (RELIABILITY A3, A5), so their routes get their own JSON
  // parser in an encapsulated scope; other routes keep Fastify's parser (records document "last key wins").
  app.register(async (definitions) => {
    useDefinitionJsonParser(definitions);

    definitions.post('/api/v1/definitions/validate', async (request, reply) => {
      const locale = preferredLocale(request.headers['accept-language']);
      const problems = checkAppDefinition(request.body);
      if (problems.length === 0) return { valid: true };
      return sendProblem(reply, {
        status: 422,
        title: 'Invalid definition',
        code: 'INVALID_DEFINITION',
        errors: problems.map((p) => ({ path: p.path, code: p.code, message: localizeProblem(p, locale) })),
      });
    });
  });
  if (options.webRoot) registerWebApp(app, options.webRoot);
  return app;
}
