import type { FieldTypeDef } from './field-type.js';
import { REFERENCE_OPERATORS } from './support/operators.js';
import { createReferenceField } from './support/reference-field.js';

/**
 * 关联数据. Value: a record id of form `settings.formId`, or unique record ids when `settings.multiple`. Parse keeps the
 * text as given (the server resolves titles to record ids).
 */
export const relationField: FieldTypeDef = createReferenceField('relation', REFERENCE_OPERATORS);
