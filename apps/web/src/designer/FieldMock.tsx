import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Star } from 'lucide-react';
import type { FieldDef, SelectOption } from '@formflow/schema';
import { localized } from '../ui/localized.js';

/** A still picture of the field's input on the canvas (not interactive; the preview uses the real renderer). */
export const FieldMock = memo(function FieldMock({ field }: { field: FieldDef }) {
  const { t } = useTranslation('designer');
  const settings = field.settings ?? {};
  switch (field.type) {
    case 'select':
    case 'multiselect': {
      const options = (Array.isArray(settings['options']) ? settings['options'] : []) as unknown as SelectOption[];
      return (
        <div className="dz-mock dz-mock--options">
          {options.slice(0, 6).map((o) => (
            <span key={o.id} className="dz-chip">
              <span
                className={field.type === 'select' ? 'dz-radio' : 'dz-checkbox'}
                style={{ borderColor: o.color }}
                aria-hidden="true"
              />
              {localized(o.label)}
            </span>
          ))}
          {options.length > 6 ? <span className="dz-muted">+{options.length - 6}</span> : null}
        </div>
      );
    }
    case 'rating':
      return (
        <div className="dz-mock dz-mock--plain dz-mock--rating" aria-hidden="true">
          {Array.from({ length: Math.min(10, Math.max(1, Number(settings['max'] ?? 5) || 5)) }, (_, i) => (
            <Star key={i} size={16} />
          ))}
        </div>
      );
    case 'boolean':
      return (
        <div className="dz-mock dz-mock--plain dz-mock--options">
          <span className="dz-chip">
            <span className="dz-radio" aria-hidden="true" />
            {t('mock.yes')}
          </span>
          <span className="dz-chip">
            <span className="dz-radio" aria-hidden="true" />
            {t('mock.no')}
          </span>
        </div>
      );
    case 'textarea':
      return <div className="dz-mock dz-mock--tall" />;
    case 'section':
      return <hr className="dz-mock-section" />;
    case 'description':
      return <p className="dz-mock-description">{localized(settings['content'] as string | undefined)}</p>;
    case 'image':
    case 'attachment':
    case 'signature':
      return <div className="dz-mock dz-mock--upload">+ {t(`mock.${field.type}`)}</div>;
    case 'formula':
    case 'lookup':
    case 'rollup':
    case 'serial':
    case 'createdBy':
    case 'createdAt':
    case 'updatedAt':
      return <div className="dz-mock dz-mock--computed">{t('mock.computed')}</div>;
    default:
      return <div className="dz-mock">{localized(settings['placeholder'] as string | undefined)}</div>;
  }
});
