import type { FieldDef } from '@formflow/schema';
import { localized } from '../ui/index.js';
import { optionsOf, safeColor } from '../runtime/fields/options.js';
import './select-tags.css';

/** Whether a field's values are option ids shown as coloured tags. */
export function isSelectField(field: FieldDef): boolean {
  return field.type === 'select' || field.type === 'multiselect';
}

/** The chosen option ids of a select / multiselect value (empty when none). */
export function selectedIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== null && v !== undefined && v !== '').map(String);
}

/**
 * The chosen options of a select / multiselect value as tags in the option's colour (a tinted background, a coloured
 * dot); an id no option names is shown as it is. Colours are used only when they are plain hex colours.
 */
export function SelectTags({ field, value }: { field: FieldDef; value: unknown }) {
  const options = optionsOf(field);
  const ids = selectedIds(value);
  return (
    <span className="ff-option-tags">
      {ids.map((id) => {
        const option = options.find((o) => o.id === id);
        const color = safeColor(option?.color);
        return (
          <span
            key={id}
            className="ff-tag ff-option-tag"
            data-option={id}
            style={color ? { background: tint(color), color: 'var(--ff-text)' } : undefined}
          >
            {color ? <span className="ff-option-tag__dot" style={{ background: color }} aria-hidden="true" /> : null}
            {option ? localized(option.label) || id : id}
          </span>
        );
      })}
    </span>
  );
}

/** A light background of a hex colour (#rgb or #rrggbb) at about 15% opacity. */
function tint(color: string): string {
  const hex = color.length === 4 ? '#' + [...color.slice(1)].map((c) => c + c).join('') : color;
  return hex + '26';
}
