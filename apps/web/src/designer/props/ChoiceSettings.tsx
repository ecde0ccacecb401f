import type { FieldDef, JsonValue, SelectOption } from '@formflow/schema';
import { CheckProp, NumberProp, SelectProp, TextProp } from './inputs.js';
import { OptionsEditor } from './OptionsEditor.js';
import { type SettingsEditor, type SettingsUpdate } from './settings-editor.js';

/** Settings of the choice family: select, multiselect, boolean, member and department. */
export function ChoiceSettings({
  field,
  editor,
  onUpdate,
}: {
  field: FieldDef;
  editor: SettingsEditor;
  onUpdate: SettingsUpdate;
}) {
  const { t, s, setSetting, num, bool, text, localizedSetter } = editor;
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return (
        <>
          <OptionsEditor
            options={(Array.isArray(s['options']) ? s['options'] : []) as unknown as SelectOption[]}
            onChange={(options, key) =>
              onUpdate((f) => ({ ...f, settings: { ...f.settings, options: options as unknown as JsonValue } }), key)
            }
          />
          <SelectProp
            label={t('props.display')}
            value={(s['display'] as string) ?? ''}
            options={[
              { value: '', label: t('props.displayDefault') },
              { value: field.type === 'select' ? 'radio' : 'checkbox', label: t('props.displayInline') },
              { value: 'dropdown', label: t('props.displayDropdown') },
            ]}
            onChange={(v) => setSetting('display', v || undefined)}
          />
          {field.type === 'multiselect' ? (
            <div className="dz-pair">
              <NumberProp
                label={t('props.minItems')}
                value={num('minItems')}
                min={0}
                step={1}
                onChange={(v) => setSetting('minItems', v)}
              />
              <NumberProp
                label={t('props.maxItems')}
                value={num('maxItems')}
                min={1}
                step={1}
                onChange={(v) => setSetting('maxItems', v)}
              />
            </div>
          ) : null}
        </>
      );
    case 'boolean':
      return (
        <div className="dz-pair">
          <TextProp label={t('props.trueLabel')} value={text('trueLabel')} onChange={localizedSetter('trueLabel')} />
          <TextProp label={t('props.falseLabel')} value={text('falseLabel')} onChange={localizedSetter('falseLabel')} />
        </div>
      );
    case 'member':
    case 'department':
      return (
        <>
          <CheckProp
            label={t('props.multiple')}
            checked={bool('multiple')}
            onChange={(v) => setSetting('multiple', v || undefined)}
          />
          <CheckProp
            label={t(field.type === 'member' ? 'props.defaultCurrentMember' : 'props.defaultCurrentDepartment')}
            checked={bool(field.type === 'member' ? 'defaultCurrentMember' : 'defaultCurrentDepartment')}
            onChange={(v) =>
              setSetting(field.type === 'member' ? 'defaultCurrentMember' : 'defaultCurrentDepartment', v || undefined)
            }
          />
        </>
      );
    default:
      return null;
  }
}
