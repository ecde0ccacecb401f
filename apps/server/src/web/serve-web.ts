import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The policy of the web app's pages (the API keeps its own `default-src 'none'`):
 * - scripts only from this origin, never inline. `'unsafe-eval'` is there for one reason: the engine compiles each
 *   form's value schemas with ajv (generated validator functions) so the browser validates exactly as the server does.
 *   ajv builds that code from the schema with its own escaping; no user text is ever evaluated.
 * - styles from this origin plus inline style attributes (React's `style` prop);
 * - images from this origin, data: and blob: (upload previews, the signature pad);
 * - no frames of us anywhere (clickjacking), no plugins, forms post only here.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isApi = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Serves the built web app from `root` (apps/web/dist): hashed assets cached for a year, `index.html` never cached,
 * and every other GET that is not under `/api` answered with `index.html` (client-side routes such as `/apps/crm`
 * or the public form `/f/<token>`). API 404s stay problem+json.
 */
export function registerWebApp(app: FastifyInstance, root: string): void {
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath))
    throw new Error(`the web build is missing: ${indexPath} (run pnpm --filter @formflow/web build)`);
  const indexHtml = readFileSync(indexPath);
  const assets = join(root, 'assets');

  const sendIndex = (reply: FastifyReply) =>
    reply
      .code(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', WEB_CONTENT_SECURITY_POLICY)
      .send(indexHtml);

  app.register(async (web) => {
    await web.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      wildcard: false,
      // The OpenAPI collector must not list static files.
      schemaHide: true,
      cacheControl: false,
      // @fastify/static 10 passes the Fastify reply here.
      setHeaders: (reply: FastifyReply, path: string) => {
        reply.header('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
        reply.header('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    web.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  });

  return void app.addHook('onRequest', async (request, reply) => {
    // Client-side routes: a GET for a page (not a file, not the API) gets the app shell.
    if (request.method !== 'GET' || isApi(request.url)) return;
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/' || /\.[a-z0-9]+$/i.test(path)) return;
    if ((request.headers.accept ?? '').includes('text/html') || !request.headers.accept) {
      await sendIndex(reply);
      return reply;
    }
  });
}
