import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import { arr, obj, str } from './read.js';

/**
 * Reports items of `items` whose `id` repeats an earlier one (at the later item's `id` path).
 * `seen` may be shared across several lists checked as one namespace.
 */
export function checkDuplicateIds(
  items: unknown,
  path: PathSegments,
  entity: string,
  problems: Problem[],
  seen: Set<string> = new Set(),
): void {
  arr(items).forEach((item, i) => {
    const id = str(obj(item)?.id);
    if (id === undefined) return;
    if (seen.has(id)) problems.push(makeProblem('DUPLICATE_ID', [...path, i, 'id'], { entity, id }));
    else seen.add(id);
  });
}
