import type { FieldTypeDef } from './field-type.js';
import { REFERENCE_OPERATORS } from './support/operators.js';
import { createReferenceField } from './support/reference-field.js';

/**
 * 成员. Value: a member id, or unique member ids when `settings.multiple`. Parse keeps the text as given (names are
 * resolved to ids by the server). Operators add `isCurrentMember`.
 */
export const memberField: FieldTypeDef = createReferenceField('member', [...REFERENCE_OPERATORS, 'isCurrentMember']);
