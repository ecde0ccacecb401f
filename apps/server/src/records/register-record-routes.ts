import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context/server-context.js';
import { registerAggregateRoute } from './aggregate-route.js';
import { registerBatchRoute } from './batch-route.js';
import { registerCommentRoutes } from './comment-routes.js';
import { registerHistoryRoutes } from './history-routes.js';
import { registerListRoutes } from './list-routes.js';
import { registerRecordCrudRoutes } from './record-routes.js';
import { registerRecycleRoutes } from './recycle-routes.js';

/** Records: CRUD with If-Match, batch, list/query, aggregate, history, recycle bin, comments (docs/api/records.md). */
export function registerRecordRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRecordCrudRoutes(app, ctx);
  registerBatchRoute(app, ctx);
  registerListRoutes(app, ctx);
  registerAggregateRoute(app, ctx);
  registerRecycleRoutes(app, ctx);
  registerHistoryRoutes(app, ctx);
  registerCommentRoutes(app, ctx);
}
