import type { JsonValue } from './json.js';

/**
 * A rule is a JsonLogic expression (json-logic-js semantics plus Formflow's registered operators).
 * `{"var": "<fieldId>"}` reads a field of the record; `{"var": "<subtableId>"}` reads the rows of a sub-table;
 * inside a sub-table row context `{"var": "<columnFieldId>"}` reads the row's column.
 * Context values are under `$`-prefixed names, which no field id can take:
 * `$member.id`, `$member.departmentIds`, `$member.roleIds`, `$now` (ISO instant), `$today` (YYYY-MM-DD in the viewer's zone).
 */
export type Rule = JsonValue;

/** Names of context variables rules may read besides field ids. */
export const CONTEXT_VARIABLES = ['$member', '$now', '$today'] as const;
