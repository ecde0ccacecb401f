import type { FieldDef } from '@formflow/schema';
import { SelectProp, TextProp } from './inputs.js';
import { type SettingsEditor } from './settings-editor.js';

/** Settings of the date family: date, datetime and createdAt. */
export function DateSettings({ field, editor }: { field: FieldDef; editor: SettingsEditor }) {
  const { t, s, setSetting } = editor;
  switch (field.type) {
    case 'date':
      return (
        <div className="dz-pair">
          <TextProp
            label={t('props.min')}
            placeholder="YYYY-MM-DD"
            value={(s['min'] as string) ?? ''}
            onChange={(v) => setSetting('min', v || undefined)}
          />
          <TextProp
            label={t('props.max')}
            placeholder="YYYY-MM-DD"
            value={(s['max'] as string) ?? ''}
            onChange={(v) => setSetting('max', v || undefined)}
          />
        </div>
      );
    case 'datetime':
      return (
        <SelectProp
          label={t('props.precision')}
          value={(s['precision'] as 'minute' | 'second') ?? ''}
          options={[
            { value: '', label: t('props.precisionMinute') },
            { value: 'second', label: t('props.precisionSecond') },
          ]}
          onChange={(v) => setSetting('precision', v || undefined)}
        />
      );
    case 'createdAt':
      return (
        <SelectProp
          label={t('props.precision')}
          value={(s['precision'] as string) ?? ''}
          options={[
            { value: '', label: t('props.precisionMinute') },
            { value: 'date', label: t('props.precisionDate') },
            { value: 'second', label: t('props.precisionSecond') },
          ]}
          onChange={(v) => setSetting('precision', v || undefined)}
        />
      );
    default:
      return null;
  }
}
