import type { JsonValue } from '../json.js';
import { formatPath, type Problem } from '../problem.js';
import { renderMessage } from './localize-problem.js';
import type { ProblemCode } from './problem-codes.js';

export type PathSegments = readonly (string | number)[];

/** Builds a Problem whose English message comes from the catalogue. */
export function makeProblem(code: ProblemCode, path: PathSegments, params: { [key: string]: JsonValue } = {}): Problem {
  return { path: formatPath(path), code, message: renderMessage(code, params, 'en'), params };
}
