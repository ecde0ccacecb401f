import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context/server-context.js';
import { useDefinitionJsonParser } from '../http/definition-body.js';
import { registerIndexMaintenance } from '../indexes/form-index-sync.js';
import { registerAppCrudRoutes } from './app-routes.js';
import { registerDesignerRoutes } from './designer-routes.js';
import { registerFieldRoutes } from './field-routes.js';
import { registerFormRoutes } from './form-routes.js';

/**
 * Apps, forms and the designer (docs/api/apps-forms.md). Their bodies are definitions, so the whole area runs in an
 * encapsulated scope with the strict definition JSON parser (duplicate keys, depth, forbidden keys → 400).
 */
export function registerAppRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerIndexMaintenance(app, ctx);
  app.register(async (scope) => {
    useDefinitionJsonParser(scope);
    registerAppCrudRoutes(scope, ctx);
    registerFormRoutes(scope, ctx);
    registerDesignerRoutes(scope, ctx);
    registerFieldRoutes(scope, ctx);
  });
}
