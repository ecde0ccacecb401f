import { readFileSync } from 'node:fs';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@formflow/schema';
import { compileRule } from './compile-rule.js';
import { RuleError } from './rule-error.js';

type Case = [Rule, unknown, unknown];

const file = new URL('../../testdata/jsonlogic-tests.json', import.meta.url);
const entries = JSON.parse(readFileSync(file, 'utf8')) as (string | Case)[];
const cases = entries.filter((e): e is Case => Array.isArray(e));

/** Cases of the official suite that use an excluded operator (`method`, `log`): asserted to be rejected instead. */
const EXCLUDED_CASES: readonly string[] = [];

function usesExcluded(rule: Rule): boolean {
  return /"(method|log)":/.test(JSON.stringify(rule));
}

describe('official JsonLogic test suite (testdata/jsonlogic-tests.json)', () => {
  it('has the expected number of cases and no excluded operators except those listed', () => {
    expect(cases.length).toBeGreaterThan(250);
    expect(cases.filter(([rule]) => usesExcluded(rule)).map(([rule]) => JSON.stringify(rule))).toEqual(EXCLUDED_CASES);
  });

  cases.forEach(([rule, data, expected], i) => {
    const title = `#${i} ${JSON.stringify(rule)} on ${JSON.stringify(data)}`;
    if (usesExcluded(rule)) {
      it(`${title} is rejected`, () => {
        expect(() => compileRule(rule)).toThrow(RuleError);
      });
      return;
    }
    it(title, () => {
      const actual = compileRule(rule)(data);
      expect(actual).toEqual(expected);
      // json-logic-js itself agrees (the suite is its reference).
      expect(jsonLogic.apply(rule as never, data)).toEqual(expected);
    });
  });
});
