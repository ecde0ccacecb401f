import { CONTEXT_VARIABLES, type Rule } from '@formflow/schema';
import { checkRule } from '../check-rule.js';
import { compileRule } from '../compile-rule.js';
import { RULE_OPERATORS } from '../operators/index.js';
import { splitVarPath } from '../var-path.js';
import { walkRule } from '../walk-rule.js';
import { isRefusal, literalExpr, refuse, truthOf } from './sql-expr.js';
import type { SqlContext, SqlExpr, SqlRefusal, SqlResult, SqlTarget } from './sql-types.js';

const CONTEXT: ReadonlySet<string> = new Set(CONTEXT_VARIABLES);

/** True when a sub-rule reads nothing from the record (only literals and `$`-context values). */
function readsOnlyContext(rule: Rule): boolean {
  let only = true;
  walkRule(rule, RULE_OPERATORS, {
    varRead(read) {
      if (read.scope !== 'record') return;
      const segments = read.isStatic ? splitVarPath(read.path) : null;
      if (segments === null || !CONTEXT.has(segments[0] as string)) only = false;
    },
  });
  return only;
}

function createContext(target: SqlTarget): SqlContext {
  const data = { ...target.context };
  const ctx: SqlContext = {
    target,
    translate(rule) {
      if (readsOnlyContext(rule)) {
        try {
          return literalExpr(compileRule(rule)(data));
        } catch {
          return refuse('a constant sub-rule failed to evaluate');
        }
      }
      if (rule === null || typeof rule !== 'object' || Array.isArray(rule))
        return refuse('arrays of record values are not translated');
      const keys = Object.keys(rule);
      const name = keys[0] as string;
      const op = RULE_OPERATORS.get(name);
      if (keys.length !== 1 || !op) return refuse('not an operator');
      if (!op.sql) return refuse(`operator "${name}" has no SQL translation`);
      const raw = rule[name];
      return op.sql(Array.isArray(raw) ? raw : [raw as Rule], ctx);
    },
    predicate(rule) {
      const e = ctx.translate(rule);
      return isRefusal(e) ? e : truthOf(e);
    },
  };
  return ctx;
}

/**
 * Translates a rule's truthiness into a SQLite expression that is 1 or 0 (never NULL), for filtering records in the
 * database. Field paths become the store's `column(path)` expressions; every value from the rule or the context is a
 * `?` parameter. Only what provably matches json-logic-js semantics is translated; anything else returns
 * `{ ok: false, reason }` and the caller evaluates the compiled rule in JS instead.
 */
export function compileRuleToSql(rule: Rule, target: SqlTarget): SqlResult {
  if (target.dialect !== 'sqlite') return { ok: false, reason: `dialect "${String(target.dialect)}" is not supported` };
  const problems = checkRule(rule);
  if (problems.length > 0) return { ok: false, reason: `invalid rule: ${problems[0]?.message ?? ''}` };
  const result: SqlExpr | SqlRefusal = createContext(target).predicate(rule);
  if (isRefusal(result)) return { ok: false, reason: result.refused };
  return { ok: true, sql: result.sql, params: [...result.params] };
}
