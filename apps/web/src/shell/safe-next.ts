/**
 * Where to go after signing in: `?next` only when it is a same-origin path (`/apps/x?view=y`), never `//evil.com`,
 * `/\evil.com` (browsers read both as another host), an absolute URL or a `javascript:` URL; otherwise `/`.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters (tab, newline) are stripped by URL parsers and could turn `/\t/evil` into `//evil`.
  for (let i = 0; i < next.length; i += 1) if (next.charCodeAt(i) < 0x20 || next.charCodeAt(i) === 0x7f) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}
