import type { Operator, Evaluator } from '../types.js';
import { ownGet, readOwn, resolveSegments, resolveVar, splitVarPath } from '../var-path.js';
import { sqlIn, sqlVar } from '../sql/translate-data.js';
import { fuseVarInList } from './fused-compare.js';

const GROUP = 'core-data';

/** Looks up one `missing` key as json-logic-js does with `{"var": key}` (a key array is `[path, default]`). */
function lookupKey(data: unknown, key: unknown): unknown {
  if (Array.isArray(key)) return resolveVar(data, key[0], key[1] === undefined ? null : key[1]);
  return resolveVar(data, key, null);
}

function missing(args: readonly unknown[], data: unknown): unknown[] {
  const keys: readonly unknown[] = Array.isArray(args[0]) ? args[0] : args;
  const out: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = lookupKey(data, key);
    if (value === null || value === '') out.push(key);
  }
  return out;
}

function missingSome(need: unknown, options: unknown, data: unknown): unknown[] {
  // json-logic-js re-applies {"missing": options}: an array is the argument list, anything else one key.
  const areMissing = missing(Array.isArray(options) ? options : [options], data);
  const length = Array.isArray(options) || typeof options === 'string' ? options.length : NaN;
  return length - areMissing.length >= (need as number) ? [] : areMissing;
}

function substr(source: unknown, start: unknown, end: unknown): string {
  if ((end as number) < 0) {
    // Negative length: drop that many characters from the end (PHP behaviour, as json-logic-js).
    const temp = String(source).substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return String(source).substr(start as number, end as number);
}

/** json-logic-js `in`: substring of a string or member (===) of an array. Other haystacks → false. */
function isIn(a: unknown, b: unknown): boolean {
  if (typeof b === 'string') return b !== '' && b.indexOf(a as string) !== -1;
  if (Array.isArray(b)) return b.indexOf(a) !== -1;
  return false;
}

function catPart(x: unknown): string {
  return x === null || x === undefined ? '' : String(x);
}

function merge(args: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (Array.isArray(arg)) for (let j = 0; j < arg.length; j++) out.push(arg[j]);
    else out.push(arg);
  }
  return out;
}

/** `var` with a constant path: segments are split once, at compile time. */
function buildVar(path: unknown, notFoundFn: Evaluator | null, notFound: unknown): Evaluator {
  const segments = splitVarPath(path);
  if (segments === null) return (data) => data;
  if (notFoundFn) return (data, root) => resolveSegments(data, segments, (notFoundFn as Evaluator)(data, root) ?? null);
  if (segments.length === 1) {
    const key = segments[0] as string;
    if (notFound === null) return (data) => readOwn(data, key);
    return (data) => {
      if (data === null || data === undefined) return notFound;
      const v = ownGet(data, key);
      return v === undefined ? notFound : v;
    };
  }
  return (data) => resolveSegments(data, segments, notFound);
}

export const coreDataOperators: readonly Operator[] = [
  {
    name: 'var',
    group: GROUP,
    minArgs: 0,
    maxArgs: 2,
    lazy: false,
    apply: (args, data) => resolveVar(data, args[0], args[1] === undefined ? null : args[1]),
    build: (args) => {
      const [path, fallback] = args;
      if (path && !path.constant) return undefined;
      if (!fallback) return buildVar(path?.value, null, null);
      if (fallback.constant) return buildVar(path?.value, null, fallback.value === undefined ? null : fallback.value);
      return buildVar(path?.value, fallback.evaluate, null);
    },
    sql: sqlVar,
  },
  { name: 'missing', group: GROUP, minArgs: 0, maxArgs: Infinity, lazy: false, apply: missing },
  {
    name: 'missing_some',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args, data) => missingSome(args[0], args[1], data),
    apply2: (a, b, data) => missingSome(a, b, data),
  },
  {
    name: 'cat',
    group: GROUP,
    minArgs: 0,
    maxArgs: Infinity,
    lazy: false,
    apply: (args) => {
      let s = '';
      for (let i = 0; i < args.length; i++) s += catPart(args[i]);
      return s;
    },
    apply1: (a) => catPart(a),
    apply2: (a, b) => catPart(a) + catPart(b),
  },
  {
    name: 'substr',
    group: GROUP,
    minArgs: 2,
    maxArgs: 3,
    lazy: false,
    apply: (args) => substr(args[0], args[1], args[2]),
    apply2: (a, b) => substr(a, b, undefined),
    apply3: (a, b, c) => substr(a, b, c),
  },
  {
    name: 'in',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => isIn(args[0], args[1]),
    apply2: isIn,
    build: fuseVarInList,
    sql: sqlIn,
  },
  { name: 'merge', group: GROUP, minArgs: 0, maxArgs: Infinity, lazy: false, apply: merge },
];
