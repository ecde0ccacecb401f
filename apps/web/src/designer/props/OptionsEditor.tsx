import { useTranslation } from 'react-i18next';
import type { SelectOption } from '@formflow/schema';
import { currentLanguage } from '../../i18n/current-language.js';
import { OPTION_COLORS } from '../create-field.js';
import { editableText, setLocalized } from '../localized-edit.js';
import { newId } from '../new-id.js';

/** Options of a select / multiselect: rename, colour, reorder, add, remove. Ids stay (records store them). */
export function OptionsEditor({
  options,
  onChange,
}: {
  options: SelectOption[];
  onChange: (options: SelectOption[], key: string) => void;
}) {
  const { t } = useTranslation('designer');
  const language = currentLanguage();
  const set = (index: number, patch: Partial<SelectOption>, key: string) =>
    onChange(
      options.map((o, i) => (i === index ? { ...o, ...patch } : o)),
      key,
    );
  const move = (index: number, by: number) => {
    const next = [...options];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next, 'options-order');
  };
  return (
    <fieldset className="dz-options">
      <legend className="dz-prop__label">{t('props.options')}</legend>
      <ol>
        {options.map((option, i) => (
          <li key={option.id}>
            <input
              type="color"
              className="dz-color"
              aria-label={t('props.optionColor', { n: i + 1 })}
              value={/^#[0-9a-fA-F]{6}$/.test(option.color ?? '') ? option.color : '#86909c'}
              onChange={(e) => set(i, { color: e.target.value }, `option-color-${option.id}`)}
            />
            <input
              className="ff-input"
              aria-label={t('props.optionLabel', { n: i + 1 })}
              value={editableText(option.label, language)}
              onChange={(e) =>
                set(i, { label: setLocalized(option.label, language, e.target.value) }, `option-${option.id}`)
              }
            />
            <button
              type="button"
              className="dz-mini"
              disabled={i === 0}
              aria-label={t('props.optionUp', { n: i + 1 })}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="dz-mini"
              disabled={i === options.length - 1}
              aria-label={t('props.optionDown', { n: i + 1 })}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="dz-mini dz-mini--danger"
              aria-label={t('props.optionRemove', { n: i + 1 })}
              onClick={() =>
                onChange(
                  options.filter((_, j) => j !== i),
                  'options-remove',
                )
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="ff-btn ff-btn--small"
        onClick={() =>
          onChange(
            [
              ...options,
              {
                id: newId('o_'),
                label: t('props.optionName', { n: options.length + 1 }),
                color: OPTION_COLORS[options.length % OPTION_COLORS.length]!,
              },
            ],
            'options-add',
          )
        }
      >
        + {t('props.addOption')}
      </button>
    </fieldset>
  );
}
