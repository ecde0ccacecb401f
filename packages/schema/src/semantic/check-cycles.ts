import type { Problem } from '../problem.js';
import { makeProblem } from '../problems/make-problem.js';
import type { FormInfo } from './app-index.js';
import type { DependencyGraph } from './check-form-fields.js';

/** Strongly connected components (Tarjan, iterative). */
function components(nodes: readonly string[], graph: DependencyGraph): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (indexOf.has(root)) continue;
    const work: { node: string; next: number; edges: string[] }[] = [];
    const open = (node: string) => {
      indexOf.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: 0, edges: [...(graph.get(node) ?? [])].filter((n) => graph.has(n)) });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1] as (typeof work)[number];
      if (top.next < top.edges.length) {
        const to = top.edges[top.next++] as string;
        if (!indexOf.has(to)) open(to);
        else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node) ?? 0, indexOf.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0));
      if (low.get(top.node) === indexOf.get(top.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== top.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** A shortest cycle from `start` back to itself inside `members` (BFS). */
function cycleFrom(start: string, members: ReadonlySet<string>, graph: DependencyGraph): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q] as string;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let n = node; n !== start; n = previous.get(n) as string) path.splice(1, 0, n);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Reports each dependency cycle once, at the path of its earliest field in form order. */
export function checkCycles(form: FormInfo, graph: DependencyGraph, problems: Problem[]): void {
  const order = [...form.all.values()].sort((a, b) => a.order - b.order);
  const nodes = order.map((f) => f.id).filter((id) => graph.has(id));
  const found: { order: number; problem: Problem }[] = [];
  for (const component of components(nodes, graph)) {
    const members = new Set(component);
    const single = component[0] as string;
    if (component.length === 1 && !(graph.get(single)?.has(single) ?? false)) continue;
    const first = order.find((f) => members.has(f.id));
    if (first === undefined) continue;
    const cycle = cycleFrom(first.id, members, graph).join(' → ');
    found.push({ order: first.order, problem: makeProblem('DEPENDENCY_CYCLE', first.path, { cycle }) });
  }
  found.sort((a, b) => a.order - b.order);
  for (const { problem } of found) problems.push(problem);
}
