import { FORBIDDEN_KEYS } from '../ids.js';
import type { Problem } from '../problem.js';
import { makeProblem } from '../problems/make-problem.js';
import { findInvalidCharacter } from './find-invalid-character.js';
import { DEFINITION_LIMITS, type JsonSafetyLimits } from './json-safety-limits.js';

type Frame = { value: unknown; key: string | number | undefined; parent: Frame | undefined; depth: number };

function pathOf(frame: Frame | undefined): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let f = frame; f !== undefined; f = f.parent) if (f.key !== undefined) segments.push(f.key);
  return segments.reverse();
}

function nonPlainKind(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : String(value);
    case 'object': {
      if (value === null) return undefined;
      const proto: unknown = Object.getPrototypeOf(value);
      if (Array.isArray(value)) return proto === Array.prototype ? undefined : 'array subclass';
      if (proto === Object.prototype || proto === null) return undefined;
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof name === 'string' && name !== '' ? `${name} instance` : 'class instance';
    }
    default:
      return typeof value;
  }
}

/**
 * Guards run before any schema or recursive code, iteratively (explicit stack): nesting depth, string length,
 * total values, forbidden keys (`__proto__`, `constructor`, `prototype`), NUL and lone surrogates, and values that
 * are not plain JSON (functions, class instances, NaN, Infinity, undefined, array holes).
 * Depth and size problems stop the scan at once and are returned alone.
 */
export function checkJsonSafety(value: unknown, limits: Partial<JsonSafetyLimits> = {}): Problem[] {
  const { maxDepth, maxStringLength, maxNodes } = { ...DEFINITION_LIMITS, ...limits };
  const problems: Problem[] = [];
  const checkString = (text: string, frame: Frame, isKey: boolean) => {
    const path = pathOf(frame);
    if (text.length > maxStringLength) {
      problems.push(makeProblem('STRING_TOO_LONG', path, { limit: maxStringLength, length: text.length }));
      return;
    }
    const found = findInvalidCharacter(text);
    if (found !== null) {
      const index = found.index;
      const codePoint = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
      problems.push(makeProblem('INVALID_CHARACTER', path, { codePoint, index, ...(isKey ? { key: true } : {}) }));
    }
  };

  const stack: Frame[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (++nodes > maxNodes) return [makeProblem('TOO_MANY_NODES', pathOf(frame), { limit: maxNodes })];
    const current = frame.value;
    const kind = nonPlainKind(current);
    if (kind !== undefined) {
      problems.push(makeProblem('NOT_PLAIN_JSON', pathOf(frame), { kind }));
      continue;
    }
    if (typeof current === 'string') {
      checkString(current, frame, false);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const depth = frame.depth + 1;
    if (depth > maxDepth) return [makeProblem('NESTING_TOO_DEEP', pathOf(frame), { limit: maxDepth })];
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        const child: Frame = { value: current[i], key: i, parent: frame, depth };
        if (!(i in current)) problems.push(makeProblem('NOT_PLAIN_JSON', pathOf(child), { kind: 'array hole' }));
        else stack.push(child);
      }
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: Frame = {
        value: (current as Record<string, unknown>)[key],
        key,
        parent: frame,
        depth,
      };
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(makeProblem('FORBIDDEN_KEY', pathOf(child), { key }));
        continue;
      }
      if (key.length > maxStringLength || findInvalidCharacter(key) !== null) {
        checkString(key, child, true);
        continue;
      }
      stack.push(child);
    }
  }
  return problems;
}
