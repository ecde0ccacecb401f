import type { FieldDef } from '@formflow/schema';
import { FORMULA_RESULT_TYPES } from '@formflow/schema';
import { setLocalized } from '../localized-edit.js';
import { CheckProp, JsonProp, NumberProp, SelectProp, TextProp } from './inputs.js';
import { DecimalsProp, type SettingsEditor } from './settings-editor.js';

/** Settings of structure and computed fields: subtable, section, description, serial and formula. */
export function StructureSettings({
  field,
  editor,
  formulaProblems,
}: {
  field: FieldDef;
  editor: SettingsEditor;
  formulaProblems: string[];
}) {
  const { t, s, setSetting, num, bool, text, language } = editor;
  switch (field.type) {
    case 'subtable':
      return (
        <div className="dz-pair">
          <NumberProp
            label={t('props.minRows')}
            value={num('minRows')}
            min={0}
            step={1}
            onChange={(v) => setSetting('minRows', v)}
          />
          <NumberProp
            label={t('props.maxRows')}
            value={num('maxRows')}
            min={1}
            step={1}
            onChange={(v) => setSetting('maxRows', v)}
          />
        </div>
      );
    case 'section':
      return (
        <CheckProp
          label={t('props.collapsible')}
          checked={bool('collapsible')}
          onChange={(v) => setSetting('collapsible', v || undefined)}
        />
      );
    case 'description':
      return (
        <TextProp
          label={t('props.content')}
          multiline
          value={text('content')}
          onChange={(v) => setSetting('content', setLocalized(s['content'] as string | undefined, language, v))}
        />
      );
    case 'serial':
      return (
        <>
          <TextProp
            label={t('props.prefix')}
            value={(s['prefix'] as string) ?? ''}
            onChange={(v) => setSetting('prefix', v)}
          />
          <SelectProp
            label={t('props.dateFormat')}
            value={(s['dateFormat'] as string) ?? ''}
            options={[
              { value: '', label: t('props.none') },
              ...['YYYYMMDD', 'YYYYMM', 'YYYY'].map((v) => ({ value: v, label: v })),
            ]}
            onChange={(v) => setSetting('dateFormat', v || undefined)}
          />
          <NumberProp
            label={t('props.digits')}
            value={num('digits')}
            min={1}
            max={12}
            step={1}
            onChange={(v) => setSetting('digits', v)}
          />
          <SelectProp
            label={t('props.resetEvery')}
            value={(s['resetEvery'] as string) ?? ''}
            options={[
              { value: '', label: t('props.resetNever') },
              { value: 'day', label: t('props.resetDay') },
              { value: 'month', label: t('props.resetMonth') },
              { value: 'year', label: t('props.resetYear') },
            ]}
            onChange={(v) => setSetting('resetEvery', v || undefined)}
          />
        </>
      );
    case 'formula':
      return (
        <>
          <JsonProp
            label={t('props.formula')}
            hint={t('props.formulaHint')}
            value={s['formula']}
            problems={formulaProblems}
            onChange={(v) => setSetting('formula', v)}
          />
          <SelectProp
            label={t('props.resultType')}
            value={(s['resultType'] as string) ?? 'number'}
            options={FORMULA_RESULT_TYPES.map((r) => ({ value: r, label: t(`props.result.${r}`) }))}
            onChange={(v) => setSetting('resultType', v || 'number')}
          />
          {s['resultType'] === 'number' ? <DecimalsProp editor={editor} /> : null}
        </>
      );
    default:
      return null;
  }
}
