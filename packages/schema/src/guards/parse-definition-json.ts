import type { Problem } from '../problem.js';
import { makeProblem } from '../problems/make-problem.js';
import { DEFINITION_LIMITS, MAX_DEFINITION_TEXT } from './json-safety-limits.js';

export type ParseDefinitionResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

export type ParseDefinitionOptions = { maxLength?: number; maxDepth?: number };

type Container = { kind: 'object' | 'array'; keys: Set<string>; key: string | undefined; index: number };

class JsonSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9A-Fa-f]{4}$/;

function describe(text: string, pos: number): string {
  if (pos >= text.length) return 'unexpected end of text';
  return `unexpected character ${JSON.stringify(text.charAt(pos))}`;
}

function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

/** Scans a JSON string starting at the opening quote; returns the index after the closing quote. */
function scanString(text: string, start: number): { end: number; escaped: boolean } {
  let escaped = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return { end: i + 1, escaped };
    if (c < 0x20) throw new JsonSyntaxError(i, 'control character in a string');
    if (c === 92) {
      escaped = true;
      const next = text.charAt(i + 1);
      if (next === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) throw new JsonSyntaxError(i, 'invalid \\u escape');
        i += 5;
      } else if (ESCAPES.has(next)) i++;
      else throw new JsonSyntaxError(i, 'invalid escape');
    }
  }
  throw new JsonSyntaxError(text.length, 'unterminated string');
}

/**
 * Parses definition JSON text safely: caps its size, checks nesting depth and rejects duplicate object keys by an
 * iterative scan (explicit stack, no recursion) before `JSON.parse` builds the value. Syntax errors report the
 * line and column. `JSON.parse` keeps `__proto__` as an own data property (it never sets a prototype);
 * `checkJsonSafety` / `validateDefinition` then reject it.
 */
export function parseDefinitionJson(text: string, options: ParseDefinitionOptions = {}): ParseDefinitionResult {
  const maxLength = options.maxLength ?? MAX_DEFINITION_TEXT;
  const maxDepth = options.maxDepth ?? DEFINITION_LIMITS.maxDepth;
  if (text.length > maxLength) {
    return { ok: false, problems: [makeProblem('TOO_LARGE', [], { limit: maxLength, size: text.length })] };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: Container[] = [];
  const problems: Problem[] = [];
  const pathOfStack = () =>
    stack.flatMap((c): (string | number)[] => (c.kind === 'array' ? [c.index] : c.key === undefined ? [] : [c.key]));
  let pos = 0;
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.test(source);
    pos = WHITESPACE.lastIndex;
  };
  try {
    let expectValue = true;
    for (;;) {
      skipWhitespace();
      if (expectValue) {
        const c = source.charAt(pos);
        if (c === '{' || c === '[') {
          if (stack.length + 1 > maxDepth) {
            return { ok: false, problems: [makeProblem('NESTING_TOO_DEEP', pathOfStack(), { limit: maxDepth })] };
          }
          stack.push({ kind: c === '{' ? 'object' : 'array', keys: new Set(), key: undefined, index: 0 });
          pos++;
          skipWhitespace();
          const close = c === '{' ? '}' : ']';
          if (source.charAt(pos) === close) {
            stack.pop();
            pos++;
            expectValue = false;
          } else if (c === '{') {
            pos = readKey(source, pos, stack, problems, pathOfStack);
          }
          continue;
        }
        if (c === '"') pos = scanString(source, pos).end;
        else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = pos;
          if (!NUMBER.test(source)) throw new JsonSyntaxError(pos, 'invalid number');
          pos = NUMBER.lastIndex;
        } else if (source.startsWith('true', pos)) pos += 4;
        else if (source.startsWith('false', pos)) pos += 5;
        else if (source.startsWith('null', pos)) pos += 4;
        else throw new JsonSyntaxError(pos, describe(source, pos));
        expectValue = false;
        continue;
      }
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (pos < source.length) throw new JsonSyntaxError(pos, 'unexpected text after the JSON value');
        break;
      }
      const c = source.charAt(pos);
      if (c === ',') {
        pos++;
        if (top.kind === 'array') top.index++;
        else {
          skipWhitespace();
          pos = readKey(source, pos, stack, problems, pathOfStack);
        }
        expectValue = true;
      } else if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
        stack.pop();
        pos++;
      } else throw new JsonSyntaxError(pos, describe(source, pos));
    }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(source, error.position);
    const invalid = makeProblem('INVALID_JSON', pathOfStack(), {
      line,
      column,
      offset: error.position,
      reason: error.reason,
    });
    return { ok: false, problems: [...problems, invalid] };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: JSON.parse(source) as unknown };
}

/** Reads `"key" :` at `pos` into the top object, recording a duplicate; returns the position after the colon. */
function readKey(
  source: string,
  pos: number,
  stack: Container[],
  problems: Problem[],
  pathOfStack: () => (string | number)[],
): number {
  if (source.charAt(pos) !== '"') throw new JsonSyntaxError(pos, `${describe(source, pos)}, expected a key`);
  const { end, escaped } = scanString(source, pos);
  const key = escaped ? (JSON.parse(source.slice(pos, end)) as string) : source.slice(pos + 1, end - 1);
  const top = stack[stack.length - 1] as Container;
  top.key = key;
  if (top.keys.has(key)) problems.push(makeProblem('DUPLICATE_KEY', pathOfStack(), { key }));
  else top.keys.add(key);
  WHITESPACE.lastIndex = end;
  WHITESPACE.test(source);
  const colon = WHITESPACE.lastIndex;
  if (source.charAt(colon) !== ':') throw new JsonSyntaxError(colon, `${describe(source, colon)}, expected ":"`);
  return colon + 1;
}
