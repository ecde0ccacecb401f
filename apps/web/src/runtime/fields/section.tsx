import { localized } from '../../ui/localized.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function Section({ field, id }: FieldRendererProps) {
  const description = localized(field.description);
  return (
    <div className="ff-rt-section" id={id}>
      <h3 className="ff-rt-section__title">{localized(field.label)}</h3>
      {description ? <p className="ff-rt-section__text">{description}</p> : null}
    </div>
  );
}

/** 分割线: a heading between groups of fields (layout only). */
export const sectionRenderer: FieldRenderer = { label: 'layout', Edit: Section };
