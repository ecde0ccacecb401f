import { formatPath, type Problem } from '@formflow/schema';

type Frame = { value: unknown; depth: number; parent: Frame | null; key: string | number };

function pathOf(frame: Frame): string {
  const segments: (string | number)[] = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent) segments.push(f.key);
  return formatPath(segments.reverse());
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Iterative (never recursive) check of a rule's shape, run before any recursive code (RELIABILITY A3):
 * nesting depth (each array or object is one level), node count, and JSON-only values.
 * Returns the first problem found, or null.
 */
export function measureRule(rule: unknown, maxDepth: number, maxNodes: number): Problem | null {
  const stack: Frame[] = [{ value: rule, depth: 0, parent: null, key: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value } = frame;
    if (++nodes > maxNodes) {
      return {
        path: '',
        code: 'RULE_TOO_LARGE',
        message: `rule has more than ${maxNodes} values`,
        params: { maxNodes },
      };
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) continue;
      return { path: pathOf(frame), code: 'INVALID_RULE_VALUE', message: 'numbers in rules must be finite' };
    }
    if (typeof value !== 'object' || !(Array.isArray(value) || isPlainObject(value))) {
      return {
        path: pathOf(frame),
        code: 'INVALID_RULE_VALUE',
        message: `a rule may hold only JSON values, not ${typeof value}`,
      };
    }
    const depth = frame.depth + 1;
    if (depth > maxDepth) {
      return {
        path: '',
        code: 'NESTING_TOO_DEEP',
        message: `rule is nested deeper than ${maxDepth} levels`,
        params: { maxDepth },
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth, parent: frame, key: i });
    } else {
      for (const key of Object.keys(value)) {
        stack.push({ value: (value as Record<string, unknown>)[key], depth, parent: frame, key });
      }
    }
  }
  return null;
}
