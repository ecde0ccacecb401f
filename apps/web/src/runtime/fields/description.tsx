import { localized } from '../../ui/localized.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function Description({ field, id }: FieldRendererProps) {
  return (
    <p className="ff-rt-description" id={id}>
      {localized(field.settings?.content as never) || localized(field.label)}
    </p>
  );
}

/** 描述文字: static text on the form, as text (never HTML). */
export const descriptionRenderer: FieldRenderer = { label: 'layout', Edit: Description };
