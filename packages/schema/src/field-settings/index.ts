import { FIELD_TYPES, type FieldType } from '../field.js';
import type { JsonSchema } from '../json-schema.js';
import { addressSettingsSchema } from './address.js';
import { attachmentSettingsSchema } from './attachment.js';
import { booleanSettingsSchema } from './boolean.js';
import { createdAtSettingsSchema } from './created-at.js';
import { createdBySettingsSchema } from './created-by.js';
import { dateSettingsSchema } from './date.js';
import { datetimeSettingsSchema } from './datetime.js';
import { departmentSettingsSchema } from './department.js';
import { descriptionSettingsSchema } from './description.js';
import { emailSettingsSchema } from './email.js';
import { formulaSettingsSchema } from './formula.js';
import { imageSettingsSchema } from './image.js';
import { locationSettingsSchema } from './location.js';
import { lookupSettingsSchema } from './lookup.js';
import { memberSettingsSchema } from './member.js';
import { moneySettingsSchema } from './money.js';
import { multiselectSettingsSchema } from './multiselect.js';
import { numberSettingsSchema } from './number.js';
import { percentSettingsSchema } from './percent.js';
import { phoneSettingsSchema } from './phone.js';
import { ratingSettingsSchema } from './rating.js';
import { relationSettingsSchema } from './relation.js';
import { rollupSettingsSchema } from './rollup.js';
import { sectionSettingsSchema } from './section.js';
import { selectSettingsSchema } from './select.js';
import { serialSettingsSchema } from './serial.js';
import { signatureSettingsSchema } from './signature.js';
import { subtableSettingsSchemaFor } from './subtable.js';
import { textSettingsSchema } from './text.js';
import { textareaSettingsSchema } from './textarea.js';
import { updatedAtSettingsSchema } from './updated-at.js';
import { urlSettingsSchema } from './url.js';

export type { AddressSettings } from './address.js';
export type { AttachmentSettings } from './attachment.js';
export type { BooleanSettings } from './boolean.js';
export type { CreatedAtSettings } from './created-at.js';
export type { CreatedBySettings } from './created-by.js';
export type { DateSettings } from './date.js';
export type { DateTimeSettings } from './datetime.js';
export type { DepartmentSettings } from './department.js';
export type { DescriptionSettings } from './description.js';
export type { EmailSettings } from './email.js';
export { FORMULA_RESULT_TYPES, type FormulaResultType, type FormulaSettings } from './formula.js';
export type { ImageSettings } from './image.js';
export type { LocationSettings } from './location.js';
export type { LookupSettings } from './lookup.js';
export type { MemberSettings } from './member.js';
export type { MoneySettings } from './money.js';
export type { MultiselectSettings } from './multiselect.js';
export type { NumberSettings } from './number.js';
export type { PercentSettings } from './percent.js';
export type { PhoneSettings } from './phone.js';
export type { RatingSettings } from './rating.js';
export type { RelationSettings } from './relation.js';
export { ROLLUP_AGGREGATIONS, type RollupAggregation, type RollupSettings } from './rollup.js';
export type { SectionSettings } from './section.js';
export type { SelectSettings } from './select.js';
export type { SerialSettings } from './serial.js';
export type { SignatureSettings } from './signature.js';
export { SUBTABLE_EXCLUDED_TYPES, type SubtableSettings } from './subtable.js';
export {
  TEXT_DEFAULT_MAX_LENGTH,
  TEXT_HARD_MAX_LENGTH,
  TEXTAREA_DEFAULT_MAX_LENGTH,
  type TextSettings,
} from './text.js';
export type { TextareaSettings } from './textarea.js';
export type { UpdatedAtSettings } from './updated-at.js';
export type { UrlSettings } from './url.js';

/**
 * JSON Schema (draft-07, ajv strict-clean) of `settings` for every field type, one module per type in this folder.
 * Every settings object is closed (`additionalProperties: false`). Sub-table column settings are checked recursively
 * by the definition validator with these same schemas.
 */
export const fieldSettingsSchemas: Record<FieldType, JsonSchema> = {
  text: textSettingsSchema,
  textarea: textareaSettingsSchema,
  number: numberSettingsSchema,
  money: moneySettingsSchema,
  percent: percentSettingsSchema,
  rating: ratingSettingsSchema,
  date: dateSettingsSchema,
  datetime: datetimeSettingsSchema,
  select: selectSettingsSchema,
  multiselect: multiselectSettingsSchema,
  boolean: booleanSettingsSchema,
  member: memberSettingsSchema,
  department: departmentSettingsSchema,
  phone: phoneSettingsSchema,
  email: emailSettingsSchema,
  url: urlSettingsSchema,
  address: addressSettingsSchema,
  location: locationSettingsSchema,
  image: imageSettingsSchema,
  attachment: attachmentSettingsSchema,
  signature: signatureSettingsSchema,
  serial: serialSettingsSchema,
  subtable: subtableSettingsSchemaFor(FIELD_TYPES),
  relation: relationSettingsSchema,
  lookup: lookupSettingsSchema,
  rollup: rollupSettingsSchema,
  formula: formulaSettingsSchema,
  createdBy: createdBySettingsSchema,
  createdAt: createdAtSettingsSchema,
  updatedAt: updatedAtSettingsSchema,
  section: sectionSettingsSchema,
  description: descriptionSettingsSchema,
};
