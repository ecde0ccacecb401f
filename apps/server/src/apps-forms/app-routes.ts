import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '@formflow/engine';
import type { AppDefinition, AppSummary } from '@formflow/store';
import { requireActor } from '../auth/require-actor.js';
import { viewerOf } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { conflict, forbidden, notFound, unauthenticated } from '../http/problems.js';
import { actorOf } from '../directory/actor-of.js';
import { appDefinitionBody, appListSchema, appParams, appSchema, APPS_TAG, problems } from './app-form-schemas.js';
import { invalidDefinition } from './definition-problems.js';
import { formsWithAccess, isManager, reachable, type FormWithAccess } from './form-access.js';
import { memberAppView } from './member-app-view.js';
import { dropDeletedFormIndexes, syncAppIndexes } from '../indexes/form-index-sync.js';

const summaryView = (app: AppSummary) => ({
  id: app.id,
  name: app.name,
  ...(app.description === undefined ? {} : { description: app.description }),
  ...(app.icon === undefined ? {} : { icon: app.icon }),
  updatedAt: app.updatedAt,
});

const formSummary = (form: FormWithAccess, manager: boolean) => ({
  id: form.summary.formId,
  name: form.summary.name,
  ...(form.summary.description === undefined ? {} : { description: form.summary.description }),
  publishedVersion: form.summary.publishedVersion,
  actions: manager ? ['submit', 'view', 'edit', 'delete', 'export', 'manage'] : [...(form.access?.actions ?? [])],
});

/** The app as the caller may see it, or undefined when a member reaches none of its forms. */
function appView(ctx: ServerContext, viewer: Viewer, workspaceId: string, appId: string) {
  const app = ctx.apps.getApp(workspaceId, appId);
  if (!app) return { found: false as const };
  const forms = formsWithAccess(ctx, viewer, workspaceId, appId);
  if (isManager(viewer)) {
    return { found: true as const, view: { ...app.definition, forms: forms.map((f) => formSummary(f, true)) } };
  }
  const mine = forms.filter(reachable);
  if (mine.length === 0) return { found: true as const, view: undefined };
  const byId = new Map(forms.map((f) => [f.summary.formId, f]));
  const definition: AppDefinition = memberAppView(app.definition, (formId) => {
    const form = byId.get(formId);
    return { access: form?.access, fieldIds: form?.live?.definition.fields.map((f) => f.id) ?? [] };
  });
  return { found: true as const, view: { ...definition, forms: mine.map((f) => formSummary(f, false)) } };
}

function viewerFor(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Viewer | undefined {
  const viewer = viewerOf(ctx, actorOf(request));
  if (!viewer) void unauthenticated(reply);
  return viewer;
}

/** Apps: every member lists the apps they reach; owners and admins create, replace and delete them. */
export function registerAppCrudRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/v1/apps',
    {
      preHandler: requireActor(),
      schema: {
        tags: [APPS_TAG],
        summary: 'List the apps you can see',
        description:
          'Owners and admins: every app. Members: apps with at least one form a permission group opens to them.',
        response: { 200: appListSchema, ...problems(401) },
      },
    },
    async (request, reply) => {
      const viewer = viewerFor(ctx, request, reply);
      if (!viewer) return reply;
      const { workspaceId } = actorOf(request);
      const apps = ctx.apps
        .listApps(workspaceId)
        .filter((a) => isManager(viewer) || formsWithAccess(ctx, viewer, workspaceId, a.id).some(reachable));
      return { apps: apps.map(summaryView) };
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/api/v1/apps',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [APPS_TAG],
        summary: 'Create an app (admin)',
        description:
          'The body is an app definition without forms (add forms with POST /apps/{appId}/forms); `id` is generated ' +
          'when absent. 409 ID_TAKEN when the id is used in this workspace; 422 INVALID_DEFINITION with every problem.',
        body: appDefinitionBody,
        response: { 201: appSchema, ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = ctx.apps.createApp({
        workspaceId: actor.workspaceId,
        definition: request.body,
        actor: actor.memberId,
      });
      if (!created.ok) {
        if (created.reason === 'ID_TAKEN') return conflict(reply, 'ID_TAKEN', 'an app with this id already exists');
        return invalidDefinition(request, reply, created.problems);
      }
      reply.header('location', `/api/v1/apps/${created.app.id}`);
      return reply.code(201).send({ ...created.app.definition, forms: [] });
    },
  );

  app.get<{ Params: { appId: string } }>(
    '/api/v1/apps/:appId',
    {
      preHandler: requireActor(),
      schema: {
        tags: [APPS_TAG],
        summary: 'Get an app with its forms',
        description:
          'Owners and admins: the whole definition and every form. Members: the forms they reach, and the views and ' +
          'dashboards over fields they may read (403 when they reach no form of the app).',
        params: appParams,
        response: { 200: appSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = viewerFor(ctx, request, reply);
      if (!viewer) return reply;
      const result = appView(ctx, viewer, actorOf(request).workspaceId, request.params.appId);
      if (!result.found) return notFound(reply, 'app');
      if (!result.view) return forbidden(reply, 'no form of this app is open to you');
      return result.view;
    },
  );

  app.put<{ Params: { appId: string }; Body: Record<string, unknown> }>(
    '/api/v1/apps/:appId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [APPS_TAG],
        summary: 'Replace an app’s definition (admin)',
        description:
          'Views, workflows, automations, dashboards and permission groups, checked against the app’s current form ' +
          'drafts. `forms` must be absent or empty (forms change one by one).',
        params: appParams,
        body: appDefinitionBody,
        response: { 200: appSchema, ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const updated = ctx.apps.updateApp({
        workspaceId: actor.workspaceId,
        appId: request.params.appId,
        definition: request.body,
        actor: actor.memberId,
      });
      if (!updated.ok) {
        if (updated.reason === 'NOT_FOUND') return notFound(reply, 'app');
        return invalidDefinition(request, reply, updated.problems);
      }
      syncAppIndexes(ctx, actor.workspaceId, request.params.appId, request.log);
      const viewer = viewerFor(ctx, request, reply);
      if (!viewer) return reply;
      const result = appView(ctx, viewer, actor.workspaceId, request.params.appId);
      return result.found && result.view ? result.view : notFound(reply, 'app');
    },
  );

  app.delete<{ Params: { appId: string } }>(
    '/api/v1/apps/:appId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [APPS_TAG],
        summary: 'Delete an app (admin, soft)',
        description: 'The app and its forms are no longer found; records stay in the database.',
        params: appParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const formIds = ctx.apps.getApp(actor.workspaceId, request.params.appId)?.formIds ?? [];
      if (!ctx.apps.deleteApp(actor.workspaceId, request.params.appId, actor.memberId)) return notFound(reply, 'app');
      for (const formId of formIds) dropDeletedFormIndexes(ctx, actor.workspaceId, formId, request.log);
      return reply.code(204).send();
    },
  );
}
