import type { FieldDef } from '@formflow/schema';
import { CheckProp, NumberProp, SelectProp, TextProp } from './inputs.js';
import { PlaceholderProp, MinMaxProps, DecimalsProp, type SettingsEditor } from './settings-editor.js';

/** Settings of the number family: number, money, percent and rating. */
export function NumberSettings({ field, editor }: { field: FieldDef; editor: SettingsEditor }) {
  const { t, s, setSetting, num, bool, text, localizedSetter } = editor;
  switch (field.type) {
    case 'number':
      return (
        <>
          <PlaceholderProp editor={editor} />
          <DecimalsProp editor={editor} />
          <CheckProp
            label={t('props.thousands')}
            checked={bool('thousands')}
            onChange={(v) => setSetting('thousands', v || undefined)}
          />
          <TextProp label={t('props.unit')} value={text('unit')} onChange={localizedSetter('unit')} />
          <MinMaxProps editor={editor} />
        </>
      );
    case 'money':
      return (
        <>
          <PlaceholderProp editor={editor} />
          <SelectProp
            label={t('props.currency')}
            value={(s['currency'] as string) ?? 'CNY'}
            options={['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'].map((c) => ({ value: c, label: c }))}
            onChange={(v) => setSetting('currency', v || undefined)}
          />
          <DecimalsProp editor={editor} />
          <MinMaxProps editor={editor} />
        </>
      );
    case 'percent':
      return (
        <>
          <PlaceholderProp editor={editor} />
          <DecimalsProp editor={editor} />
          <MinMaxProps editor={editor} />
          <div className="dz-prop__hint">{t('props.percentHint')}</div>
        </>
      );
    case 'rating':
      return (
        <NumberProp
          label={t('props.ratingMax')}
          value={num('max')}
          min={1}
          max={10}
          step={1}
          onChange={(v) => setSetting('max', v)}
        />
      );
    default:
      return null;
  }
}
