import type { JsonValue } from './json.js';

/**
 * One problem found in a definition or a record.
 * `path` is a JSON path in dot/bracket form: `forms[2].fields[5].settings.options[1].id` ('' for the root).
 * `code` is machine-readable (UPPER_SNAKE); `message` is English; `params` fill localised messages.
 */
export type Problem = {
  path: string;
  code: string;
  message: string;
  params?: { [key: string]: JsonValue };
};

/** Turns a list of path segments into `a.b[2].c` form. Keys that are not identifiers are quoted: `a["x y"]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Converts an RFC 6901 JSON pointer (`/forms/2/fields/5`) to `forms[2].fields[5]`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
  return formatPath(segments);
}
