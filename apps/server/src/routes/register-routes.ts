import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context/server-context.js';
import { registerAppRoutes } from '../apps-forms/register-app-routes.js';
import { registerDirectoryRoutes } from '../directory/register-directory-routes.js';
import { registerExportRoutes } from '../export/register-export-routes.js';
import { registerFileRoutes } from '../files/register-file-routes.js';
import { registerImportRoutes } from '../import/register-import-routes.js';
import { registerPublicLinkRoutes } from '../public-links/register-public-link-routes.js';
import { registerRecordRoutes } from '../records/register-record-routes.js';

/** Every API area, registered in one place. Each area owns its folder, route schemas and tests. */
export async function registerRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  registerDirectoryRoutes(app, ctx);
  registerAppRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  await registerPublicLinkRoutes(app, ctx);
}
