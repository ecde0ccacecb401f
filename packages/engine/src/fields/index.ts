import type { FieldType } from '@formflow/schema';
import { addressField } from './address.js';
import { attachmentField } from './attachment.js';
import { booleanField } from './boolean.js';
import { createdAtField } from './created-at.js';
import { createdByField } from './created-by.js';
import { dateField } from './date.js';
import { datetimeField } from './datetime.js';
import { departmentField } from './department.js';
import { descriptionField } from './description.js';
import { emailField } from './email.js';
import type { FieldTypeDef } from './field-type.js';
import { formulaField } from './formula.js';
import { imageField } from './image.js';
import { locationField } from './location.js';
import { lookupField } from './lookup.js';
import { memberField } from './member.js';
import { moneyField } from './money.js';
import { multiselectField } from './multiselect.js';
import { numberField } from './number.js';
import { percentField } from './percent.js';
import { phoneField } from './phone.js';
import { ratingField } from './rating.js';
import { createFieldRegistry } from './registry.js';
import { relationField } from './relation.js';
import { rollupField } from './rollup.js';
import { sectionField } from './section.js';
import { selectField } from './select.js';
import { serialField } from './serial.js';
import { signatureField } from './signature.js';
import { subtableField } from './subtable.js';
import { textField } from './text.js';
import { textareaField } from './textarea.js';
import { updatedAtField } from './updated-at.js';
import { urlField } from './url.js';

export * from './field-type.js';
export * from './registry.js';

/** Every field type module, keyed by type: a type of FIELD_TYPES without a module does not compile. */
export const FIELD_TYPE_MODULES = {
  text: textField,
  textarea: textareaField,
  number: numberField,
  money: moneyField,
  percent: percentField,
  rating: ratingField,
  date: dateField,
  datetime: datetimeField,
  select: selectField,
  multiselect: multiselectField,
  boolean: booleanField,
  member: memberField,
  department: departmentField,
  phone: phoneField,
  email: emailField,
  url: urlField,
  address: addressField,
  location: locationField,
  image: imageField,
  attachment: attachmentField,
  signature: signatureField,
  serial: serialField,
  subtable: subtableField,
  relation: relationField,
  lookup: lookupField,
  rollup: rollupField,
  formula: formulaField,
  createdBy: createdByField,
  createdAt: createdAtField,
  updatedAt: updatedAtField,
  section: sectionField,
  description: descriptionField,
} satisfies Record<FieldType, FieldTypeDef>;

/** The registry of all field types (rejects duplicates). */
export const fieldRegistry = createFieldRegistry(Object.values(FIELD_TYPE_MODULES));
