import type { FieldDef } from '@formflow/schema';

/**
 * How the filter engine compares a field's values, derived from its type (and `settings.multiple`):
 * - `text`: strings compared after `foldText`; `number`; `date` (`YYYY-MM-DD`); `datetime` (ISO instants); `boolean`;
 * - `option` / `options`: one select option id / a set of them;
 * - `ref` / `refs`: one member, department or record id / a set of them;
 * - a formula behaves as its `settings.resultType` (number by default, text, date or boolean); a rollup as a number;
 * - `generic`: lookups (the looked-up field lives in another form) compared by their run-time JSON type;
 * - `structured`: objects and file lists (address, location, attachments, sub-table rows): emptiness, and text search
 *   over an address;
 * - `layout`: section/description, which hold no value.
 */
export type FieldKind =
  | 'text'
  | 'number'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'option'
  | 'options'
  | 'ref'
  | 'refs'
  | 'generic'
  | 'structured'
  | 'layout';

export function fieldKind(field: FieldDef): FieldKind {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'phone':
    case 'email':
    case 'url':
    case 'serial':
      return 'text';
    case 'number':
    case 'money':
    case 'percent':
    case 'rating':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
    case 'createdAt':
    case 'updatedAt':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'select':
      return 'option';
    case 'multiselect':
      return 'options';
    case 'member':
    case 'department':
    case 'relation':
      return field.settings?.['multiple'] === true ? 'refs' : 'ref';
    case 'createdBy':
      return 'ref';
    case 'formula': {
      const result = field.settings?.['resultType'];
      return result === 'text' ? 'text' : result === 'date' ? 'date' : result === 'boolean' ? 'boolean' : 'number';
    }
    case 'rollup':
      return 'number';
    case 'lookup':
      return 'generic';
    case 'address':
    case 'location':
    case 'image':
    case 'attachment':
    case 'signature':
    case 'subtable':
      return 'structured';
    case 'section':
    case 'description':
      return 'layout';
  }
}
