import type { JsonValue, Rule } from '@formflow/schema';
import { checkRule } from './check-rule.js';
import { compileNode } from './compile-node.js';
import { RULE_OPERATORS } from './operators/index.js';
import { RuleError } from './rule-error.js';
import type { CompiledRule, CompileRuleOptions, Evaluator } from './types.js';

/** Compiled rules by rule object identity, then by time zone. Rules are definitions: treat them as immutable. */
const cache = new WeakMap<object, Map<string, CompiledRule>>();

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function toCompiledRule(evaluate: Evaluator): CompiledRule {
  return (data) => evaluate(data, data) as JsonValue;
}

/**
 * Compiles a rule once into a tree of closures with json-logic-js 2.0.5 semantics (plus Formflow operators).
 * Throws RuleError when checkRule finds problems. The same rule object (and time zone) gives the same function;
 * with `isKnownVar` or limits in the options, the check runs again on a cache hit.
 */
export function compileRule(rule: Rule, options: CompileRuleOptions = {}): CompiledRule {
  const timeZone = options.timeZone ?? 'UTC';
  const custom = options.isKnownVar !== undefined || options.maxDepth !== undefined || options.maxNodes !== undefined;
  const cacheable = rule !== null && typeof rule === 'object';
  const hit = cacheable ? cache.get(rule)?.get(timeZone) : undefined;
  if (hit && !custom) return hit;
  const problems = checkRule(rule, options);
  if (!validZone(timeZone)) {
    problems.push({ path: '', code: 'INVALID_TIME_ZONE', message: `unknown time zone "${timeZone}"` });
  }
  if (problems.length > 0) throw new RuleError(problems);
  if (hit) return hit;
  const compiled = toCompiledRule(compileNode(rule, RULE_OPERATORS, { timeZone }).evaluate);
  if (cacheable) {
    let byZone = cache.get(rule);
    if (!byZone) cache.set(rule, (byZone = new Map()));
    byZone.set(timeZone, compiled);
  }
  return compiled;
}
