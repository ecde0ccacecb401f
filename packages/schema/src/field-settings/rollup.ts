import type { Id } from '../ids.js';
import type { JsonSchema } from '../json-schema.js';
import type { Rule } from '../rule.js';
import { decimalsSchema, idSchema, ruleSchema, settingsObject } from './common.js';

export const ROLLUP_AGGREGATIONS = ['sum', 'avg', 'count', 'min', 'max'] as const;
export type RollupAggregation = (typeof ROLLUP_AGGREGATIONS)[number];

/**
 * Settings of `rollup` (汇总): `aggregation` over field `field` of the rows of `source` (a sub-table or relation field),
 * counting only rows where `condition` (JsonLogic over the row) holds. `field` is optional for `count`.
 */
export type RollupSettings = {
  source: Id;
  field?: Id;
  aggregation: RollupAggregation;
  condition?: Rule;
  decimals?: number;
};

export const rollupSettingsSchema: JsonSchema = settingsObject(
  {
    source: idSchema,
    field: idSchema,
    aggregation: { enum: [...ROLLUP_AGGREGATIONS] },
    condition: ruleSchema,
    decimals: decimalsSchema,
  },
  ['source', 'aggregation'],
);
