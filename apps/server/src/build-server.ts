import Fastify, { type FastifyInstance } from 'fastify';
import { checkAppDefinition } from '@formflow/engine';
import type { Store } from '@formflow/store';
import { registerAuth } from './auth/index.js';
import { checkJsonSafety, localizeProblem, parseDefinitionJson, type Problem } from '@formflow/schema';
import { preferredLocale, sendProblem, statusTitle } from './problem-response.js';

export type ServerOptions = {
  /** The instance's store; the server does not close it (its opener does). With it, auth routes are mounted. */
  store?: Store;
  /** Mark the session cookie `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  /** Largest JSON body accepted, in bytes (RELIABILITY A2). */
  bodyLimit?: number;
  logger?: boolean;
};

/** Our machine-readable codes for the Fastify errors a client can cause. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
};

/** A definition body refused before any handler runs (RELIABILITY A1, A3, A4, A5): answered 400 with every problem. */
class DefinitionBodyError extends Error {
  readonly statusCode = 400;
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.message ?? 'invalid definition body');
  }
}

/**
 * Parses a definition body with the schema's guards instead of Fastify's JSON parser: an iterative scan that
 * rejects duplicate keys and over-deep nesting before `JSON.parse` runs, then `checkJsonSafety` (forbidden keys such
 * as `__proto__`/`constructor`, invalid characters, oversized strings). Any problem is a 400.
 */
function parseDefinitionBody(body: string): unknown {
  const parsed = parseDefinitionJson(body);
  if (!parsed.ok) throw new DefinitionBodyError(parsed.problems);
  const unsafe = checkJsonSafety(parsed.value);
  if (unsafe.length > 0) throw new DefinitionBodyError(unsafe);
  return parsed.value;
}

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
  });
  // JSON routes take JSON only: text/plain gets 415, which also closes CSRF "simple requests" (RELIABILITY A5).
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    if (error instanceof DefinitionBodyError) {
      const locale = preferredLocale(request.headers['accept-language']);
      return sendProblem(reply, {
        status: 400,
        title: 'Invalid definition body',
        code: error.problems[0]?.code ?? 'INVALID_JSON',
        errors: error.problems.map((p) => ({ path: p.path, code: p.code, message: localizeProblem(p, locale) })),
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

  // Login, sessions and API keys: `request.actor` on every route; routes that need a caller use requireActor.
  if (options.store) registerAuth(app, { store: options.store, secureCookies: options.secureCookies ?? false });

  app.get('/api/v1/health', async () => {
    if (!options.store) return { status: 'ok' };
    options.store.db.prepare('SELECT 1').get(); // throws (500) if the database is unusable
    return { status: 'ok', database: 'ok' };
  });

  // Definitions reject duplicate keys and over-deep JSON (RELIABILITY A3, A5), so their routes get their own JSON
  // parser in an encapsulated scope; other routes keep Fastify's parser (records document "last key wins").
  app.register(async (definitions) => {
    definitions.removeContentTypeParser('application/json');
    definitions.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, parseDefinitionBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

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
  return app;
}
