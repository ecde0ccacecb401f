import { createOperatorRegistry, type OperatorRegistry } from '../registry.js';
import type { Operator } from '../types.js';
import { arithmeticOperators } from './arithmetic.js';
import { arrayOperators } from './arrays.js';
import { comparisonOperators } from './comparison.js';
import { coreDataOperators } from './core-data.js';
import { coreLogicOperators } from './core-logic.js';
import { dateOperators } from './dates.js';
import { emptyOperators } from './empty.js';
import { numberOperators } from './numbers.js';
import { stringOperators } from './strings.js';

/** json-logic-js 2.0.5's operators, without `method` and `log`. */
export const JSON_LOGIC_OPERATORS: readonly Operator[] = [
  ...coreLogicOperators,
  ...comparisonOperators,
  ...arithmeticOperators,
  ...coreDataOperators,
  ...arrayOperators,
];

/** Formflow's own operators (see ../README.md). */
export const FORMFLOW_OPERATORS: readonly Operator[] = [
  ...dateOperators,
  ...stringOperators,
  ...numberOperators,
  ...emptyOperators,
];

/** The allow-list every rule is checked against. */
export const RULE_OPERATORS: OperatorRegistry = createOperatorRegistry([
  ...JSON_LOGIC_OPERATORS,
  ...FORMFLOW_OPERATORS,
]);
