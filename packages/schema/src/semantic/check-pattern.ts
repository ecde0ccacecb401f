import safeRegex from 'safe-regex2';
import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';

export const MAX_PATTERN_LENGTH = 500;

/**
 * A designer-supplied regular expression must be short, compile with the `u` flag and have no nested quantifiers
 * that backtrack catastrophically (safe-regex2 star-height check), e.g. `^(a+)+$` (RELIABILITY I5).
 */
export function checkPattern(pattern: string, path: PathSegments, problems: Problem[]): void {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    problems.push(makeProblem('UNSAFE_PATTERN', path, { reason: 'tooLong', limit: MAX_PATTERN_LENGTH }));
    return;
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    problems.push(makeProblem('UNSAFE_PATTERN', path, { reason: 'invalid', detail }));
    return;
  }
  if (!safeRegex(pattern)) problems.push(makeProblem('UNSAFE_PATTERN', path, { reason: 'backtracking' }));
}
