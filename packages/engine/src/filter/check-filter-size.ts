import { formatPath, type Problem } from '@formflow/schema';

type Pending = { node: unknown; depth: number; path: readonly (string | number)[] };

function groupChildren(node: unknown): { key: 'and' | 'or'; items: unknown[] } | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  for (const key of ['and', 'or'] as const) {
    if (Object.hasOwn(node, key)) {
      const items = (node as Record<string, unknown>)[key];
      if (Array.isArray(items)) return { key, items };
    }
  }
  return undefined;
}

/**
 * Bounds a filter's nesting depth and size without recursion, before anything else looks at it, so a
 * 10,000-deep or 1,000,000-wide filter costs at most `maxDepth` levels or `maxConditions` nodes of work.
 * Returns the first problem found (`NESTING_TOO_DEEP` or `TOO_MANY_CONDITIONS`) or null.
 */
export function checkFilterSize(filter: unknown, maxDepth: number, maxConditions: number): Problem | null {
  const stack: Pending[] = [{ node: filter, depth: 1, path: [] }];
  let conditions = 0;
  let groups = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as Pending;
    if (depth > maxDepth) {
      return {
        path: formatPath(path),
        code: 'NESTING_TOO_DEEP',
        message: `Filter groups are nested more than ${maxDepth} levels deep.`,
        params: { max: maxDepth },
      };
    }
    const group = groupChildren(node);
    if (!group) {
      conditions++;
      if (conditions > maxConditions) {
        return {
          path: formatPath(path),
          code: 'TOO_MANY_CONDITIONS',
          message: `A filter may hold at most ${maxConditions} conditions.`,
          params: { max: maxConditions },
        };
      }
      continue;
    }
    groups++;
    if (groups > maxConditions || group.items.length > maxConditions) {
      return {
        path: formatPath(path),
        code: 'TOO_MANY_CONDITIONS',
        message: `A filter may hold at most ${maxConditions} conditions and ${maxConditions} groups.`,
        params: { max: maxConditions },
      };
    }
    for (let i = group.items.length - 1; i >= 0; i--) {
      stack.push({ node: group.items[i], depth: depth + 1, path: [...path, group.key, i] });
    }
  }
  return null;
}
