import type { FastifyInstance } from 'fastify';
import { PublicLinkRepository } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';
import { registerManageLinkRoutes } from './manage-link-routes.js';
import { registerPublicFormRoutes } from './public-form-routes.js';

/** 外链: managing links (signed-in, `manage` on the form) and the anonymous public form (rate-limited). */
export async function registerPublicLinkRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const links = new PublicLinkRepository(ctx.store.db, ctx.now);
  registerManageLinkRoutes(app, ctx, links);
  await registerPublicFormRoutes(app, ctx, links);
}
