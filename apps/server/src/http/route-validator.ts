import { Ajv, type AnySchema } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export; createRequire avoids the ESM interop wrinkle.
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Bodies are validated as sent: no silent stripping of unknown properties, no "5" → 5 (RELIABILITY A5).
    removeAdditional: false,
    useDefaults: coerce,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
    // OpenAPI annotations that ajv does not know.
    keywords: ['example', 'xml', 'externalDocs'],
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Route schemas are the API contract (they feed the OpenAPI document). Bodies are checked strictly; querystrings,
 * params and headers are text on the wire, so they are coerced (`?limit=50` is the number 50).
 */
export function installRouteValidator(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as AnySchema);
  });
}

type AjvIssue = { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> };

/** A route-schema failure as problem items: `body.data.name`, `querystring.limit`… and a code per ajv keyword. */
export function validationItems(context: string | undefined, issues: readonly AjvIssue[]) {
  return issues.map((issue) => {
    const pointer = (issue.instancePath ?? '').split('/').filter(Boolean).join('.');
    const extra =
      issue.keyword === 'additionalProperties'
        ? String(issue.params?.['additionalProperty'] ?? '')
        : issue.keyword === 'required'
          ? String(issue.params?.['missingProperty'] ?? '')
          : '';
    const path = [context ?? 'body', pointer, extra].filter(Boolean).join('.');
    const code =
      issue.keyword === 'additionalProperties'
        ? 'UNKNOWN_PROPERTY'
        : issue.keyword === 'required'
          ? 'REQUIRED'
          : issue.keyword === 'type'
            ? 'INVALID_TYPE'
            : 'INVALID_VALUE';
    return { path, code, message: `${path} ${issue.message ?? 'is invalid'}` };
  });
}
