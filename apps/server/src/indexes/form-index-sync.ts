import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { dropFormIndexes, ensureFormIndexes, syncAllFormIndexes, type EnsureFormIndexesResult } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';

/** How often every form's indexes and their statistics are checked again (syncAllFormIndexes). */
export const SYNC_INTERVAL_MS = 10 * 60 * 1000;

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/**
 * The form's indexes as its app's views, row filters and dashboards ask (ensureFormIndexes), after it is published
 * or its app saved. Never throws: a failure is logged and the request that triggered it still succeeds (queries are
 * exact without indexes, only slower). Undefined when the form is not published.
 */
export function syncFormIndexes(
  ctx: ServerContext,
  workspaceId: string,
  formId: string,
  log?: Log,
): EnsureFormIndexesResult | undefined {
  try {
    const published = ctx.forms.getPublished(workspaceId, formId);
    if (!published) return undefined;
    const app = ctx.apps.appOfForm(workspaceId, formId)?.definition;
    const sources = { views: app?.views, permissionGroups: app?.permissionGroups, dashboards: app?.dashboards };
    const result = ensureFormIndexes(ctx.store.db, { workspaceId, form: published.definition, sources });
    if (result.created.length > 0 || result.dropped.length > 0) {
      log?.info(
        { formId, created: result.created, dropped: result.dropped, ms: Math.round(result.ms) },
        'form indexes changed',
      );
    }
    return result;
  } catch (error) {
    log?.warn({ err: error, formId }, 'form indexes could not be updated');
    return undefined;
  }
}

/** syncFormIndexes for every form of an app (its views or permission groups changed). */
export function syncAppIndexes(ctx: ServerContext, workspaceId: string, appId: string, log?: Log): void {
  const app = ctx.apps.getApp(workspaceId, appId);
  for (const formId of app?.formIds ?? []) syncFormIndexes(ctx, workspaceId, formId, log);
}

/** Drops a deleted form's indexes (they would cost every write of nothing, and server start drops them anyway). */
export function dropDeletedFormIndexes(ctx: ServerContext, workspaceId: string, formId: string, log?: Log): void {
  try {
    dropFormIndexes(ctx.store.db, workspaceId, formId);
  } catch (error) {
    log?.warn({ err: error, formId }, 'form indexes could not be dropped');
  }
}

/**
 * syncAllFormIndexes, logged: every published form's indexes as planned (a no-op when they exist; this also makes
 * any that a publish could not, e.g. while an import held the write lock), orphans dropped, stale statistics
 * refreshed.
 */
export function syncAllIndexes(ctx: ServerContext, log: Log): void {
  try {
    const result = syncAllFormIndexes(ctx.store.db, (error, _workspaceId, formId) =>
      log.warn({ err: error, formId }, 'form indexes could not be updated'),
    );
    if (result.created.length > 0 || result.dropped.length > 0 || result.analyzed.length > 0) {
      log.info({ ...result, ms: Math.round(result.ms) }, 'form indexes synchronised');
    }
  } catch (error) {
    log.warn({ err: error }, 'form indexes could not be synchronised');
  }
}

/**
 * When the server is ready, and every SYNC_INTERVAL_MS after: syncAllIndexes (after an import a form may have grown
 * far past what the planner was told, and a publish may have failed to make an index). The timer does not keep the
 * process alive.
 */
export function registerIndexMaintenance(app: FastifyInstance, ctx: ServerContext): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    syncAllIndexes(ctx, app.log);
    timer = setInterval(() => syncAllIndexes(ctx, app.log), SYNC_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
