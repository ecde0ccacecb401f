import type { ErrorObject } from 'ajv';
import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import { SAFE_ID_PATTERN } from '../schemas/common.js';

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** The tag values a discriminated `oneOf` accepts (from the verbose error's parent schema). */
function discriminatorValues(error: ErrorObject, tag: string): unknown[] {
  const branches = (error.parentSchema as { oneOf?: unknown } | undefined)?.oneOf;
  if (!Array.isArray(branches)) return [];
  return branches.flatMap((branch: { properties?: Record<string, { const?: unknown; enum?: unknown[] }> }) => {
    const prop = branch.properties?.[tag];
    if (prop === undefined) return [];
    return prop.enum ?? (prop.const === undefined ? [] : [prop.const]);
  });
}

function convert(error: ErrorObject, at: (string | number)[]): Problem | undefined {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return makeProblem('REQUIRED_PROPERTY', [...at, String(p.missingProperty)], {
        property: String(p.missingProperty),
      });
    case 'additionalProperties':
      return makeProblem('UNKNOWN_PROPERTY', [...at, String(p.additionalProperty)], {
        property: String(p.additionalProperty),
      });
    case 'type':
      return makeProblem('INVALID_TYPE', at, {
        expected: Array.isArray(p.type) ? p.type.join(' or ') : String(p.type),
      });
    case 'enum':
      return makeProblem('INVALID_ENUM', at, { allowed: quoteList(p.allowedValues as unknown[]) });
    case 'const':
      return makeProblem('INVALID_ENUM', at, { allowed: quoteList([p.allowedValue]) });
    case 'pattern':
      if (p.pattern === SAFE_ID_PATTERN) return makeProblem('INVALID_ID', at, { value: String(error.data) });
      return makeProblem('PATTERN_MISMATCH', at, { pattern: String(p.pattern) });
    case 'maxLength':
      return makeProblem('TOO_LONG', at, { limit: Number(p.limit) });
    case 'minLength':
      return makeProblem('TOO_SHORT', at, { limit: Number(p.limit) });
    case 'maxItems':
    case 'maxProperties':
      return makeProblem('TOO_MANY_ITEMS', at, { limit: Number(p.limit) });
    case 'minItems':
    case 'minProperties':
      return makeProblem('TOO_FEW_ITEMS', at, { limit: Number(p.limit) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return makeProblem('OUT_OF_RANGE', at, { comparison: String(p.comparison), limit: Number(p.limit) });
    case 'uniqueItems':
      return makeProblem('DUPLICATE_ITEM', at, { first: Number(p.j), second: Number(p.i) });
    case 'propertyNames':
      return makeProblem('INVALID_KEY', [...at, String(p.propertyName)], { key: String(p.propertyName) });
    case 'discriminator': {
      const tag = String(p.tag);
      const data = error.data as Record<string, unknown> | undefined;
      if (p.error === 'mapping') {
        return makeProblem('INVALID_ENUM', [...at, tag], { allowed: quoteList(discriminatorValues(error, tag)) });
      }
      if (data === undefined || data[tag] === undefined) {
        return makeProblem('REQUIRED_PROPERTY', [...at, tag], { property: tag });
      }
      return makeProblem('INVALID_TYPE', [...at, tag], { expected: 'string' });
    }
    case 'if':
      return undefined;
    default:
      return makeProblem('INVALID_VALUE', at, { keyword: error.keyword });
  }
}

/** Converts ajv errors into problems with paths under `prefix`. */
export function ajvErrorsToProblems(
  errors: readonly ErrorObject[] | null | undefined,
  prefix: PathSegments,
): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors ?? []) {
    // Errors inside `propertyNames` are reported once by the `propertyNames` error itself.
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') continue;
    const problem = convert(error, [...prefix, ...pointerSegments(error.instancePath)]);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
