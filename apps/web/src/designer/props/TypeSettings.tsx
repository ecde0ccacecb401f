import type { FieldDef } from '@formflow/schema';
import { ChoiceSettings } from './ChoiceSettings.js';
import { DateSettings } from './DateSettings.js';
import { FilePlaceSettings } from './FilePlaceSettings.js';
import { NumberSettings } from './NumberSettings.js';
import { RelationSettings } from './RelationSettings.js';
import { useSettingsEditor, type SettingsUpdate } from './settings-editor.js';
import { StructureSettings } from './StructureSettings.js';
import { TextSettings } from './TextSettings.js';

export type TypeSettingsProps = {
  field: FieldDef;
  onUpdate: SettingsUpdate;
  /** Messages of problems under `settings.formula` (formula fields). */
  formulaProblems: string[];
  /** The form designed (relations, lookups, rollups choose among its fields). */
  formFields: FieldDef[];
  /** Forms of the app a relation may point at. */
  appForms: { id: string; name: string; self?: boolean }[];
  parent?: FieldDef;
};

/** Settings of a field's type, only those its settings schema allows; each family of types has its own module. */
export function TypeSettings({ field, onUpdate, formulaProblems, formFields, appForms, parent }: TypeSettingsProps) {
  const editor = useSettingsEditor(field, onUpdate);
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'phone':
    case 'email':
    case 'url':
      return <TextSettings field={field} editor={editor} />;
    case 'number':
    case 'money':
    case 'percent':
    case 'rating':
      return <NumberSettings field={field} editor={editor} />;
    case 'date':
    case 'datetime':
    case 'createdAt':
      return <DateSettings field={field} editor={editor} />;
    case 'select':
    case 'multiselect':
    case 'boolean':
    case 'member':
    case 'department':
      return <ChoiceSettings field={field} editor={editor} onUpdate={onUpdate} />;
    case 'image':
    case 'attachment':
    case 'address':
    case 'location':
      return <FilePlaceSettings field={field} editor={editor} />;
    case 'subtable':
    case 'section':
    case 'description':
    case 'serial':
    case 'formula':
      return <StructureSettings field={field} editor={editor} formulaProblems={formulaProblems} />;
    case 'relation':
    case 'lookup':
    case 'rollup':
      return (
        <RelationSettings
          field={field}
          setSetting={editor.setSetting}
          formFields={formFields}
          appForms={appForms}
          parent={parent}
        />
      );
    default:
      return null;
  }
}
