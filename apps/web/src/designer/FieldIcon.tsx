import type { FieldType } from '@formflow/schema';
import { FIELD_ICONS } from './field-meta.js';

/** A field type's icon in its small tinted square (decorative: the type's name is always shown beside it). */
export function FieldIcon({ type, size = 14 }: { type: FieldType; size?: number }) {
  const Icon = FIELD_ICONS[type];
  return (
    <span className="dz-icon" aria-hidden="true" data-icon={type}>
      {Icon ? <Icon size={size} strokeWidth={2} /> : null}
    </span>
  );
}
