/** JsonLogic truthiness (json-logic-js `truthy`): JS truthiness, except that an empty array is falsy. `"0"` is truthy. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length !== 0;
  return !!value;
}
