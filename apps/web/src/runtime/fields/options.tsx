import type { SelectOption } from '@formflow/schema';
import type { FieldDef } from '@formflow/schema';
import { localized } from '../../ui/localized.js';

/** The options of a select / multiselect field. */
export function optionsOf(field: FieldDef): SelectOption[] {
  const options = field.settings?.options;
  return Array.isArray(options) ? (options as unknown as SelectOption[]) : [];
}

/** An option colour when it is a plain hex colour (settings are validated, but the UI never trusts style text). */
export function safeColor(color: unknown): string | undefined {
  return typeof color === 'string' && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color) ? color : undefined;
}

/** An option's label with its colour dot. */
export function OptionLabel({ option }: { option: SelectOption }) {
  const color = safeColor(option.color);
  return (
    <span className="ff-rt-option">
      {color ? <span className="ff-rt-option__dot" style={{ background: color }} aria-hidden="true" /> : null}
      <span>{localized(option.label)}</span>
    </span>
  );
}

/** Option tags for read-only views. */
export function OptionTags({
  ids,
  field,
  id,
  labelId,
}: {
  ids: unknown[];
  field: FieldDef;
  id: string;
  labelId: string;
}) {
  const options = optionsOf(field);
  return (
    <output id={id} aria-labelledby={labelId} className="ff-rt-value ff-rt-tags">
      {ids.length === 0
        ? '—'
        : ids.map((value) => {
            const option = options.find((o) => o.id === value);
            const color = safeColor(option?.color);
            return (
              <span
                key={String(value)}
                className="ff-tag"
                style={
                  color
                    ? { background: color + '22', color: 'var(--ff-text)', borderLeft: `3px solid ${color}` }
                    : undefined
                }
              >
                {option ? localized(option.label) : String(value)}
              </span>
            );
          })}
    </output>
  );
}
