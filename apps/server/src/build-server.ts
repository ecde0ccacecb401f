import Fastify, { type FastifyInstance } from 'fastify';
import { checkAppDefinition } from '@formflow/engine';
import { localizeProblem } from '@formflow/schema';
import { preferredLocale, sendProblem } from './problem-response.js';

export type ServerOptions = {
  /** Largest JSON body accepted, in bytes (RELIABILITY A2). */
  bodyLimit?: number;
  logger?: boolean;
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
  });
  // JSON routes take JSON only: text/plain gets 415, which also closes CSRF "simple requests" (RELIABILITY A5).
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    return sendProblem(reply, {
      status,
      title: status === 500 ? 'Internal Server Error' : (error.code ?? 'Bad Request'),
      detail: status === 500 ? 'an unexpected error occurred' : error.message,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { status: 404, title: 'Not Found', detail: `no route ${request.method} ${request.url}` }),
  );

  app.get('/api/v1/health', async () => ({ status: 'ok' }));

  app.post('/api/v1/definitions/validate', async (request, reply) => {
    const locale = preferredLocale(request.headers['accept-language']);
    const problems = checkAppDefinition(request.body);
    if (problems.length === 0) return { valid: true };
    return sendProblem(reply, {
      status: 422,
      title: 'Invalid definition',
      errors: problems.map((p) => ({ path: p.path, code: p.code, message: localizeProblem(p, locale) })),
    });
  });
  return app;
}
