/**
 * Whether a JSON value (a rule, a filter, a reference) mentions any of `ids`: a string equal to an id, or a dotted
 * path starting with one (`"items.qty"` mentions `items`). Deliberately broad: it also catches var paths built at
 * run time and literal ids, so pruning errs on the side of dropping a rule rather than leaking a reference.
 */
export function mentionsAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (ids.has(next) || ids.has(next.split('.')[0] ?? '')) return true;
    } else if (Array.isArray(next)) {
      stack.push(...(next as unknown[]));
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, child] of Object.entries(next)) {
        if (ids.has(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
