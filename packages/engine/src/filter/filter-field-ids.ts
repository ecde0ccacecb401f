import type { FilterNode } from '@formflow/schema';

/**
 * The field paths a filter reads, each once, in order of first appearance: top-level field ids, and
 * `subtableId.columnId` for sub-table columns (permission checks use the part before the dot). Iterative, so any depth
 * is safe.
 */
export function filterFieldIds(filter: FilterNode): string[] {
  const seen = new Set<string>();
  const stack: FilterNode[] = [filter];
  while (stack.length > 0) {
    const node = stack.pop() as FilterNode;
    const children = 'and' in node ? node.and : 'or' in node ? node.or : undefined;
    if (children) {
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as FilterNode);
    } else if ('field' in node && typeof node.field === 'string') {
      seen.add(node.field);
    }
  }
  return [...seen];
}
