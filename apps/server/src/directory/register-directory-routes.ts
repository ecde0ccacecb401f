import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context/server-context.js';
import { registerDepartmentRoutes } from './department-routes.js';
import { registerMemberRoutes } from './member-routes.js';
import { registerRoleRoutes } from './role-routes.js';
import { registerWorkspaceRoutes } from './workspace-routes.js';

/** The workspace directory: the workspace, members, departments and roles (docs/api/directory.md). */
export function registerDirectoryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerWorkspaceRoutes(app, ctx);
  registerMemberRoutes(app, ctx);
  registerDepartmentRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
}
