import type { JsonSchema } from '../json-schema.js';
import type { Rule } from '../rule.js';
import { decimalsSchema, ruleSchema, settingsObject } from './common.js';

export const FORMULA_RESULT_TYPES = ['number', 'text', 'date', 'boolean'] as const;
export type FormulaResultType = (typeof FORMULA_RESULT_TYPES)[number];

/** Settings of `formula`: a JsonLogic expression and the type of its result (`decimals` for numbers). */
export type FormulaSettings = { formula: Rule; resultType: FormulaResultType; decimals?: number };

export const formulaSettingsSchema: JsonSchema = settingsObject(
  { formula: ruleSchema, resultType: { enum: [...FORMULA_RESULT_TYPES] }, decimals: decimalsSchema },
  ['formula', 'resultType'],
);
