/** Longest string a public submission may carry anywhere in `data`, in UTF-16 units. */
export const PUBLIC_MAX_TEXT_UNITS = 20_000;

/**
 * The path of the first string longer than `limit` UTF-16 units in a JSON value (`data.note`, `data.items[2].what`),
 * or null. Iterative, so no nesting depth can overflow the stack. Counting graphemes of very long non-ASCII text is
 * superlinear in V8's Intl.Segmenter (Node 20: 50,000 CJK characters take ~0.5 s, 100,000 ~30 s), so anonymous input
 * is cut off before the engine counts anything.
 */
export function longTextPath(value: unknown, base: string, limit: number): string | null {
  const stack: [unknown, string][] = [[value, base]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.length > limit) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}[${String(i)}]`]);
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current).reverse())
        stack.push([(current as Record<string, unknown>)[key], `${path}.${key}`]);
    }
  }
  return null;
}
