import type { FieldTypeDef } from './field-type.js';
import { SELECT_OPERATORS } from './support/operators.js';
import { createReferenceField } from './support/reference-field.js';

/** 创建人 (system; 提交人 in older Jiandaoyun wording). Value: the member id of the creator, set by the server. Parse keeps the text for migrations. */
export const createdByField: FieldTypeDef = createReferenceField(
  'createdBy',
  [...SELECT_OPERATORS, 'isCurrentMember'],
  'system',
);
