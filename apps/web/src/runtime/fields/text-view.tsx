import { useTranslation } from 'react-i18next';
import { formatValue, safeHref, type FormatLookups } from '../format-value.js';
import type { FieldRendererProps } from './types.js';

/** A read-only value as text (never HTML); `—` when empty. */
export function TextView({ field, value, id, labelId, lookups }: FieldRendererProps & { lookups?: FormatLookups }) {
  const { t } = useTranslation('runtime');
  const text = formatValue(field, value, lookups);
  return (
    <output id={id} aria-labelledby={labelId} className={'ff-rt-value' + (text ? '' : ' ff-rt-value--empty')}>
      {text || t('emptyValue')}
    </output>
  );
}

/** A value that is a link when it is an http(s) URL, text otherwise. */
export function LinkView(props: FieldRendererProps) {
  const href = safeHref(props.value);
  if (!href) return <TextView {...props} />;
  return (
    <output id={props.id} aria-labelledby={props.labelId} className="ff-rt-value">
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {String(props.value)}
      </a>
    </output>
  );
}

/** A placeholder the server fills in on save (serial numbers, created-by/at) in a form being filled. */
export function SystemView(props: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  if (props.value === null || props.value === undefined || props.value === '')
    return (
      <output id={props.id} aria-labelledby={props.labelId} className="ff-rt-value ff-rt-value--empty">
        {t('filledOnSave')}
      </output>
    );
  return <TextView {...props} />;
}
