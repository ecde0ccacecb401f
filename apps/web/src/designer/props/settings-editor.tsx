import { useTranslation } from 'react-i18next';
import type { FieldDef, JsonValue } from '@formflow/schema';
import { currentLanguage, type Language } from '../../i18n/current-language.js';
import { editableText, setLocalized } from '../localized-edit.js';
import { NumberProp, TextProp } from './inputs.js';

export type SettingsUpdate = (update: (field: FieldDef) => FieldDef, key: string) => void;

/** Reads and writes one field's `settings`, for the type settings editors. */
export type SettingsEditor = {
  t: ReturnType<typeof useTranslation<'designer'>>['t'];
  language: Language;
  /** The field's settings (empty when it has none). */
  s: { [key: string]: JsonValue };
  /** Sets one setting; `undefined` removes it (and `settings` itself when it becomes empty). */
  setSetting: (key: string, value: JsonValue | undefined) => void;
  num: (key: string) => number | undefined;
  bool: (key: string) => boolean;
  /** A localized setting as text in the UI language. */
  text: (key: string) => string;
  /** Writes a localized setting in the UI language (empty text removes it). */
  localizedSetter: (key: string) => (value: string) => void;
};

export function useSettingsEditor(field: FieldDef, onUpdate: SettingsUpdate): SettingsEditor {
  const { t } = useTranslation('designer');
  const language = currentLanguage();
  const s = (field.settings ?? {}) as { [key: string]: JsonValue };
  const setSetting = (key: string, value: JsonValue | undefined) =>
    onUpdate((f) => {
      const settings = { ...(f.settings ?? {}) };
      if (value === undefined) delete settings[key];
      else settings[key] = value;
      const next: FieldDef = { ...f, settings };
      if (Object.keys(settings).length === 0) delete next.settings;
      return next;
    }, `setting-${key}`);
  const num = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
  const bool = (key: string) => s[key] === true;
  const text = (key: string) => editableText(s[key] as string | undefined, language);
  const localizedSetter = (key: string) => (value: string) =>
    setSetting(key, value === '' ? undefined : setLocalized(s[key] as string | undefined, language, value));
  return { t, language, s, setSetting, num, bool, text, localizedSetter };
}

/** The placeholder of an input (localized). */
export function PlaceholderProp({ editor }: { editor: SettingsEditor }) {
  const { t, text, localizedSetter } = editor;
  return (
    <TextProp label={t('props.placeholder')} value={text('placeholder')} onChange={localizedSetter('placeholder')} />
  );
}

/** The least and the greatest number allowed (`min`, `max`). */
export function MinMaxProps({ editor }: { editor: SettingsEditor }) {
  const { t, num, setSetting } = editor;
  return (
    <div className="dz-pair">
      <NumberProp label={t('props.min')} value={num('min')} onChange={(v) => setSetting('min', v)} />
      <NumberProp label={t('props.max')} value={num('max')} onChange={(v) => setSetting('max', v)} />
    </div>
  );
}

/** How many decimals a number shows (0–10). */
export function DecimalsProp({ editor }: { editor: SettingsEditor }) {
  const { t, num, setSetting } = editor;
  return (
    <NumberProp
      label={t('props.decimals')}
      value={num('decimals')}
      min={0}
      max={10}
      step={1}
      onChange={(v) => setSetting('decimals', v)}
    />
  );
}
