/** Thrown when computed fields depend on each other in a circle (the designer rejects this at save). */
export class DependencyCycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`fields depend on each other: ${cycle.join(' → ')}`);
    this.name = 'DependencyCycleError';
  }
}

/**
 * Orders nodes so every node comes after the nodes it depends on (Kahn's algorithm; ties keep input order).
 * `deps` maps a node to the nodes it reads; names that are not nodes (plain input fields) are ignored.
 */
export function dependencyOrder(nodes: readonly string[], deps: ReadonlyMap<string, readonly string[]>): string[] {
  const known = new Set(nodes);
  const indegree = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of nodes) indegree.set(node, 0);
  for (const node of nodes) {
    for (const dep of new Set(deps.get(node) ?? [])) {
      if (!known.has(dep)) continue;
      indegree.set(node, indegree.get(node)! + 1);
      dependents.set(dep, [...(dependents.get(dep) ?? []), node]);
    }
  }
  const ready = nodes.filter((n) => indegree.get(n) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const next of dependents.get(node) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length < nodes.length) throw new DependencyCycleError(findCycle(nodes, deps, known, new Set(order)));
  return order;
}

function findCycle(
  nodes: readonly string[],
  deps: ReadonlyMap<string, readonly string[]>,
  known: Set<string>,
  done: Set<string>,
): string[] {
  const start = nodes.find((n) => !done.has(n))!;
  const path: string[] = [start];
  const seen = new Map<string, number>([[start, 0]]);
  let current = start;
  for (;;) {
    const next = (deps.get(current) ?? []).find((d) => known.has(d) && !done.has(d))!;
    const at = seen.get(next);
    if (at !== undefined) return [...path.slice(at), next];
    seen.set(next, path.length);
    path.push(next);
    current = next;
  }
}
