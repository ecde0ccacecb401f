import type { FieldDef } from '@formflow/schema';
import { Advanced, NumberProp, SelectProp, TextProp } from './inputs.js';
import { PlaceholderProp, type SettingsEditor } from './settings-editor.js';

/** Settings of the text family: text, textarea, phone, email and url. */
export function TextSettings({ field, editor }: { field: FieldDef; editor: SettingsEditor }) {
  const { t, s, setSetting, num, text, localizedSetter } = editor;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <>
          <PlaceholderProp editor={editor} />
          {field.type === 'textarea' ? (
            <NumberProp
              label={t('props.rows')}
              value={num('rows')}
              min={1}
              max={50}
              step={1}
              onChange={(v) => setSetting('rows', v)}
            />
          ) : null}
          <Advanced
            summary={t('props.advancedChecks')}
            active={s['minLength'] !== undefined || s['maxLength'] !== undefined || s['pattern'] !== undefined}
          >
            <div className="dz-pair">
              <NumberProp
                label={t('props.minLength')}
                value={num('minLength')}
                min={0}
                step={1}
                onChange={(v) => setSetting('minLength', v)}
              />
              <NumberProp
                label={t('props.maxLength')}
                value={num('maxLength')}
                min={1}
                step={1}
                onChange={(v) => setSetting('maxLength', v)}
              />
            </div>
            <TextProp
              label={t('props.pattern')}
              hint={t('props.patternHint')}
              value={typeof s['pattern'] === 'string' ? s['pattern'] : ''}
              onChange={(v) => setSetting('pattern', v === '' ? undefined : v)}
            />
            {typeof s['pattern'] === 'string' ? (
              <TextProp
                label={t('props.patternMessage')}
                value={text('patternMessage')}
                onChange={localizedSetter('patternMessage')}
              />
            ) : null}
          </Advanced>
        </>
      );
    case 'phone':
      return (
        <>
          <PlaceholderProp editor={editor} />
          <SelectProp
            label={t('props.phoneKind')}
            value={(s['kind'] as string) ?? ''}
            options={[
              { value: '', label: t('props.phoneAny') },
              { value: 'mobile', label: t('props.phoneMobile') },
              { value: 'landline', label: t('props.phoneLandline') },
            ]}
            onChange={(v) => setSetting('kind', v || undefined)}
          />
        </>
      );
    case 'email':
    case 'url':
      return <PlaceholderProp editor={editor} />;
    default:
      return null;
  }
}
