import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '@formflow/schema';
import { Button } from '../ui/Button.js';
import { localized } from '../ui/localized.js';
import { FieldIcon } from './FieldIcon.js';

/** Fields deleted from the form (values kept): restorable. */
export const DeletedFields = memo(function DeletedFields({
  fields,
  onRestore,
  busy,
}: {
  fields: FieldDef[];
  onRestore: (id: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation('designer');
  if (fields.length === 0) return null;
  return (
    <details className="dz-deleted">
      <summary>{t('deleted.title', { count: fields.length })}</summary>
      <p className="dz-muted">{t('deleted.explain')}</p>
      <ul>
        {fields.map((f) => (
          <li key={f.id}>
            <FieldIcon type={f.type} />
            <span className="dz-deleted__label">{localized(f.label) || f.id}</span>
            <Button
              small
              disabled={busy}
              onClick={() => onRestore(f.id)}
              aria-label={t('deleted.restore', { name: localized(f.label) })}
            >
              {t('deleted.restoreShort')}
            </Button>
          </li>
        ))}
      </ul>
    </details>
  );
});
