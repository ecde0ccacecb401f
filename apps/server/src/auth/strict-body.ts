import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../problem-response.js';

/** The small JSON schema subset auth bodies use: an object of string properties. */
export type StringObjectSchema = {
  type: 'object';
  additionalProperties: false;
  required: readonly string[];
  properties: Record<string, { type: 'string'; minLength?: number; maxLength: number }>;
};

/**
 * A preValidation hook that answers 400 for a body that is not an object, has a property the schema does not
 * declare (`UNKNOWN_PROPERTY`) or a non-string value (`INVALID_TYPE`). Fastify's default ajv would silently strip
 * unknown properties (`removeAdditional`) and coerce types; this runs before it, so neither happens.
 */
export function strictBody(schema: StringObjectSchema) {
  return async function strictBodyHook(request: FastifyRequest, reply: FastifyReply) {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendProblem(reply, {
        status: 400,
        title: 'Bad Request',
        code: 'INVALID_BODY',
        errors: [{ path: '', code: 'INVALID_BODY', message: 'body must be a JSON object' }],
      });
    }
    const errors: { path: string; code: string; message: string }[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (!Object.hasOwn(schema.properties, key)) {
        errors.push({ path: `/${key}`, code: 'UNKNOWN_PROPERTY', message: `unknown property ${key}` });
      } else if (typeof value !== 'string') {
        errors.push({ path: `/${key}`, code: 'INVALID_TYPE', message: `${key} must be a string` });
      }
    }
    if (errors.length > 0) {
      return sendProblem(reply, { status: 400, title: 'Bad Request', code: errors[0]?.code ?? 'INVALID_BODY', errors });
    }
  };
}

type AjvIssue = { instancePath?: string; message?: string; params?: Record<string, unknown> };

/** Answers a schema validation error (the route sets `attachValidation: true`) as a 400 problem; true if it did. */
export function sendValidationProblem(request: FastifyRequest, reply: FastifyReply): boolean {
  const error = request.validationError;
  if (!error) return false;
  void sendProblem(reply, {
    status: 400,
    title: 'Bad Request',
    code: 'VALIDATION_FAILED',
    errors: ((error.validation ?? []) as AjvIssue[]).map((v) => ({
      path: v.instancePath || `/${String(v.params?.['missingProperty'] ?? '')}`,
      code: 'VALIDATION_FAILED',
      message: v.message ?? 'invalid value',
    })),
  });
  return true;
}
