import { CONTEXT_VARIABLES, formatPath, type Problem } from '@formflow/schema';
import { measureRule } from './measure-rule.js';
import { EXCLUDED_OPERATORS } from './registry.js';
import { RULE_OPERATORS } from './operators/index.js';
import type { CheckRuleOptions } from './types.js';
import { FORBIDDEN_KEYS, splitVarPath } from './var-path.js';
import { walkRule, type VarRead } from './walk-rule.js';

export const DEFAULT_MAX_DEPTH = 100;
export const DEFAULT_MAX_NODES = 10_000;

const CONTEXT: ReadonlySet<string> = new Set(CONTEXT_VARIABLES);

/**
 * Checks a rule before it is saved or compiled (RELIABILITY A3, A4, I4). Never throws, never recurses before the
 * iterative depth/size check. Problem paths use formatPath over the rule JSON: `and[1][">"][0]` is the first argument
 * of the `>` that is the second argument of the root `and`; `var` alone is the argument of `{"var":"x"}`; '' is the root.
 */
export function checkRule(rule: unknown, options: CheckRuleOptions = {}, registry = RULE_OPERATORS): Problem[] {
  const shape = measureRule(rule, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.maxNodes ?? DEFAULT_MAX_NODES);
  if (shape) return [shape];
  const problems: Problem[] = [];
  const isKnownVar = options.isKnownVar;
  walkRule(rule, registry, {
    unknownOperator(name, at) {
      const excluded = EXCLUDED_OPERATORS.includes(name);
      problems.push({
        path: formatPath(at),
        code: 'UNKNOWN_OPERATOR',
        message: excluded ? `operator "${name}" is not allowed in rules` : `unknown operator "${name}"`,
        params: { operator: name },
      });
    },
    operator(op, args, at, argAt) {
      if (args.length < op.minArgs || args.length > op.maxArgs) {
        const expected = op.minArgs === op.maxArgs ? `${op.minArgs}` : `${op.minArgs} to ${op.maxArgs}`;
        problems.push({
          path: formatPath([...at, op.name]),
          code: 'WRONG_ARGUMENT_COUNT',
          message: `"${op.name}" takes ${expected.replace('Infinity', 'any number of')} arguments, got ${args.length}`,
          params: {
            operator: op.name,
            min: op.minArgs,
            max: Number.isFinite(op.maxArgs) ? op.maxArgs : null,
            got: args.length,
          },
        });
        return;
      }
      const problem = op.check?.(args as never);
      if (problem)
        problems.push({ path: formatPath(argAt(problem.argIndex)), code: problem.code, message: problem.message });
    },
    dataObject(value, at) {
      if (Object.hasOwn(value, '__proto__')) {
        problems.push({ path: formatPath(at), code: 'FORBIDDEN_KEY', message: 'key "__proto__" is not allowed' });
      }
    },
    varRead(read) {
      const problem = checkVarRead(read, isKnownVar);
      if (problem) problems.push(problem);
    },
  });
  return problems;
}

function checkVarRead(read: VarRead, isKnownVar: CheckRuleOptions['isKnownVar']): Problem | null {
  const path = formatPath(read.at);
  if (!read.isStatic) {
    if (read.scope === 'record' && isKnownVar) {
      return {
        path,
        code: 'DYNAMIC_VAR_PATH',
        message: 'a var path computed at run time cannot be checked against the form',
      };
    }
    return null;
  }
  const segments = splitVarPath(read.path);
  const forbidden = segments?.find((s) => FORBIDDEN_KEYS.has(s));
  if (forbidden !== undefined) {
    return {
      path,
      code: 'FORBIDDEN_KEY',
      message: `var path segment "${forbidden}" is not allowed`,
      params: { key: forbidden },
    };
  }
  if (read.scope === 'item' || !isKnownVar) return null;
  const text = segments === null ? '' : segments.join('.');
  if (segments !== null && CONTEXT.has(segments[0] as string)) return null;
  if (isKnownVar(text)) return null;
  return {
    path,
    code: 'UNKNOWN_FIELD_REFERENCE',
    message: text === '' ? 'the rule reads the whole record' : `unknown field "${text}"`,
    params: { var: text },
  };
}
