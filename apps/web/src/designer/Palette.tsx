import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { FIELD_GROUPS, type FieldGroup, type FieldType } from '@formflow/schema';
import { FieldIcon } from './FieldIcon.js';
import { dragIds } from './drop-target.js';

const PaletteItem = memo(function PaletteItem({
  type,
  onAdd,
  touch,
}: {
  type: FieldType;
  onAdd: (type: FieldType) => void;
  touch: boolean;
}) {
  const { t } = useTranslation('designer');
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: dragIds.palette(type),
    data: { source: 'palette', type },
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={'dz-palette__item' + (isDragging ? ' is-dragging' : '')}
      {...attributes}
      {...(touch ? {} : listeners)}
      role="button"
      title={t('palette.hint')}
      onClick={() => onAdd(type)}
    >
      <FieldIcon type={type} />
      <span className="dz-palette__name">{t(`types.${type}`)}</span>
    </button>
  );
});

/** Every field type by Jiandaoyun's groups; drag one onto the canvas, or click to add it at the end. */
export const Palette = memo(function Palette({ onAdd, touch }: { onAdd: (type: FieldType) => void; touch: boolean }) {
  const { t } = useTranslation('designer');
  return (
    <nav className="dz-palette" aria-label={t('palette.title')}>
      {(Object.keys(FIELD_GROUPS) as FieldGroup[]).map((group) => (
        <section key={group} className="dz-palette__group" aria-labelledby={`dz-group-${group}`}>
          <h3 id={`dz-group-${group}`}>{t(`groups.${group}`)}</h3>
          <div className="dz-palette__grid">
            {FIELD_GROUPS[group].map((type) => (
              <PaletteItem key={type} type={type} onAdd={onAdd} touch={touch} />
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
});
