import { useTranslation } from 'react-i18next';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function RatingEdit({
  field,
  value,
  onChange,
  onBlur,
  readOnly,
  id,
  labelId,
  describedBy,
  invalid,
  required,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const max = typeof field.settings?.max === 'number' ? field.settings.max : 5;
  const icon = field.settings?.icon === 'heart' ? '♥' : '★';
  const current = typeof value === 'number' ? value : 0;
  return (
    <div
      id={id}
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      className="ff-rt-rating"
      onBlur={onBlur}
    >
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={current === n}
          aria-label={t('ratingValue', { n })}
          disabled={readOnly}
          className={'ff-rt-rating__star' + (n <= current ? ' ff-rt-rating__star--on' : '')}
          onClick={() => onChange(current === n ? null : n)}
        >
          {icon}
        </button>
      ))}
    </div>
  );
}

/** 评分: stars (or hearts) 1..max; clicking the current one clears it. */
export const ratingRenderer: FieldRenderer = {
  label: 'group',
  Edit: RatingEdit,
  View: (props) => <RatingEdit {...props} readOnly onChange={() => undefined} />,
};
