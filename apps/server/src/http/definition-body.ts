import type { FastifyInstance } from 'fastify';
import { checkJsonSafety, parseDefinitionJson, type Problem } from '@formflow/schema';

/** A definition body refused before any handler runs (RELIABILITY A1, A3, A4, A5): answered 400 with every problem. */
export class DefinitionBodyError extends Error {
  readonly statusCode = 400;
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.message ?? 'invalid definition body');
  }
}

/**
 * Parses a definition body with the schema's guards instead of Fastify's JSON parser: an iterative scan that
 * rejects duplicate keys and over-deep nesting before `JSON.parse` runs, then `checkJsonSafety` (forbidden keys such
 * as `__proto__`/`constructor`, invalid characters, oversized strings). Any problem is a 400.
 */
export function parseDefinitionBody(body: string): unknown {
  const parsed = parseDefinitionJson(body);
  if (!parsed.ok) throw new DefinitionBodyError(parsed.problems);
  const unsafe = checkJsonSafety(parsed.value);
  if (unsafe.length > 0) throw new DefinitionBodyError(unsafe);
  return parsed.value;
}

/**
 * Replaces the JSON parser of an encapsulated scope with `parseDefinitionBody`: every route registered in that scope
 * gets definition-strict bodies (duplicate keys, depth, forbidden keys, invalid characters → 400); routes outside it
 * keep Fastify's parser. The global error handler turns `DefinitionBodyError` into a localised 400 problem.
 */
export function useDefinitionJsonParser(scope: FastifyInstance): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseDefinitionBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
