import type { FieldDef } from '@formflow/schema';
import type { FormRecord } from '../../api/types.js';
import { cellTags } from './cell-text.js';

/**
 * A cell's content: select / multiselect values as tags in their option colours, everything else as text. The text
 * content stays what `cellText` gives (multiselect tags are joined by visually hidden separators), so screen readers,
 * copy and tests read the same words as before.
 */
export function GridCellContent({
  field,
  record,
  text,
  language,
}: {
  field: FieldDef;
  record: FormRecord;
  text: string;
  language: string;
}) {
  const tags = cellTags(field, record);
  if (!tags) return <span className="ffv-grid__text">{text}</span>;
  const separator = language === 'en' ? ', ' : '、';
  return (
    <span className="ffv-grid__tags">
      {tags.map((tag, i) => (
        <span key={`${tag.id}:${String(i)}`} className="ffv-grid__tagwrap">
          {i > 0 ? <span className="ff-visually-hidden">{separator}</span> : null}
          <span
            className="ff-tag ffv-grid__tag"
            data-option={tag.id}
            style={tag.color ? { background: `${tag.color}26`, color: 'var(--ff-text)' } : undefined}
          >
            {tag.color ? (
              <span className="ffv-grid__tagdot" style={{ background: tag.color }} aria-hidden="true" />
            ) : null}
            {tag.label}
          </span>
        </span>
      ))}
    </span>
  );
}
