import type { FieldTypeDef } from './field-type.js';
import { REFERENCE_OPERATORS } from './support/operators.js';
import { createReferenceField } from './support/reference-field.js';

/**
 * 部门. Value: a department id, or unique ids when `settings.multiple`. Parse keeps the text as given (the server
 * resolves department names or paths). Operators add `isCurrentDepartment`.
 */
export const departmentField: FieldTypeDef = createReferenceField('department', [
  ...REFERENCE_OPERATORS,
  'isCurrentDepartment',
]);
