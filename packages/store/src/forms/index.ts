export { FormRepository } from './form-repository.js';
export { changeFieldType } from './change-field-type.js';
export { diffFields, canonicalJson } from './form-diff.js';
export { FIELD_ID_REGEXP, fieldPath } from '../sqlite/form-statements.js';
export type * from './form-types.js';
export { softDeleteForm } from './soft-delete-form.js';
